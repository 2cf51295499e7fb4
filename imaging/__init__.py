"""Imaging: read scans (NIfTI, DICOM series, 2D images), segment them with a MONAI U-Net, and turn the
connected components of the mask into :class:`medkg.kg.models.Finding` records for the graph."""
