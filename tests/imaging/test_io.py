"""Reading and writing scans and masks: geometry survives, bad inputs fail with errors that name the file."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from medkg.imaging.io import Scan, load_image, load_mask, pair_by_stem, save_mask, save_nifti, stem
from medkg.kg.errors import InputError

OBLIQUE = np.array([[0.0, -0.8, 0.3, 12.5],
                    [0.9, 0.0, 0.1, -40.0],
                    [0.0, 0.3, 2.4, 7.0],
                    [0.0, 0.0, 0.0, 1.0]])


def test_nifti_affine_and_spacing_survive_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    vol = rng.normal(size=(12, 10, 6)).astype(np.float32)
    path = save_nifti(vol, OBLIQUE, tmp_path / "scan.nii.gz")
    scan = load_image(path, dims=3)
    np.testing.assert_allclose(scan.affine, OBLIQUE, atol=1e-5)
    np.testing.assert_allclose(scan.spacing, np.linalg.norm(OBLIQUE[:3, :3], axis=0), atol=1e-5)
    np.testing.assert_allclose(scan.array, vol, atol=1e-6)

    mask = (vol > 1).astype(np.uint8)
    out = save_mask(mask, scan, tmp_path / "mask.nii")
    back = load_mask(out, like=scan)
    np.testing.assert_allclose(back.affine, OBLIQUE, atol=1e-5)
    np.testing.assert_allclose(back.spacing, scan.spacing, atol=1e-5)
    np.testing.assert_array_equal(back.array, mask)


def _write_dicom_series(folder, vol, spacing, origin, study_uid="1.2.3.4", shuffle=True):
    """A tiny axial CT series written with pydicom: pixel rows are the y axis, columns the x axis."""
    from pydicom.dataset import FileDataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, generate_uid

    folder.mkdir()
    series_uid = generate_uid()
    order = list(range(vol.shape[2]))
    if shuffle:
        order = order[::-1]  # written (and listed) out of order: the reader must sort by position
    for k in order:
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = FileDataset(str(folder / f"im{k:03d}.dcm"), {}, file_meta=meta, preamble=b"\0" * 128)
        ds.SOPClassUID = meta.MediaStorageSOPClassUID
        ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study_uid, series_uid
        ds.PatientID, ds.Modality, ds.StudyDate = "P001", "CT", "20240131"
        ds.InstanceNumber = k + 1
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [origin[0], origin[1], origin[2] + k * spacing[2]]
        ds.PixelSpacing = [spacing[1], spacing[0]]  # [between rows (y), between columns (x)]
        ds.SliceThickness = spacing[2]
        ds.Rows, ds.Columns = vol.shape[1], vol.shape[0]
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        ds.RescaleSlope, ds.RescaleIntercept = 1, -1000
        ds.PixelData = (vol[:, :, k].T + 1000).astype(np.int16).tobytes()  # (rows=y, cols=x)
        ds.save_as(str(folder / f"im{k:03d}.dcm"), enforce_file_format=True)


def test_dicom_series_round_trip(tmp_path):
    rng = np.random.default_rng(1)
    vol = rng.integers(-500, 500, size=(8, 6, 5)).astype(np.float32)  # (x, y, z)
    spacing, origin = (0.7, 0.8, 2.5), (-10.0, 20.0, 30.0)
    _write_dicom_series(tmp_path / "series", vol, spacing, origin)
    scan = load_image(tmp_path / "series", dims=3)
    np.testing.assert_array_equal(scan.array, vol)  # sorted by position, indexed (column, row, slice)
    np.testing.assert_allclose(scan.spacing, spacing)
    # LPS -> RAS: x and y flip sign; voxel (i, j, k) sits at origin + (i·dx, j·dy, k·dz) in LPS
    expected = np.array([[-0.7, 0, 0, 10.0], [0, -0.8, 0, -20.0], [0, 0, 2.5, 30.0], [0, 0, 0, 1]])
    np.testing.assert_allclose(scan.affine, expected)
    assert (scan.study_uid, scan.patient_id, scan.modality, str(scan.date)) == ("1.2.3.4", "P001", "CT",
                                                                               "2024-01-31")
    # a mask of the series saved as NIfTI keeps the series' geometry
    out = save_mask((vol > 0).astype(np.uint8), scan, tmp_path / "series_mask.nii.gz")
    np.testing.assert_allclose(load_image(out).affine, expected, atol=1e-5)


def test_png_path_with_255_mask(tmp_path):
    img = np.zeros((20, 30), np.uint8)
    img[5:10, 5:15] = 200
    Image.fromarray(img).save(tmp_path / "a.png")
    Image.fromarray((img > 0).astype(np.uint8) * 255).save(tmp_path / "a_mask.png")
    Image.fromarray((img > 0).astype(np.uint8)).save(tmp_path / "a_mask01.png")
    scan = load_image(tmp_path / "a.png", dims=2, spacing_2d=(0.5, 0.25))
    assert scan.array.shape == (20, 30) and scan.spacing == (0.5, 0.25) and scan.kind == "2d"
    m255 = load_mask(tmp_path / "a_mask.png", like=scan)
    m01 = load_mask(tmp_path / "a_mask01.png", like=scan)
    np.testing.assert_array_equal(m255.array, m01.array)
    assert set(np.unique(m255.array)) == {0, 1} and m255.array.sum() == 50
    out = save_mask(m01.array, scan, tmp_path / "out.png")
    assert set(np.unique(np.asarray(Image.open(out)))) == {0, 255}  # visible in viewers
    np.testing.assert_array_equal(load_mask(out, like=scan).array, m01.array)


def test_tiff_and_gif_are_read(tmp_path):
    arr = (np.arange(64).reshape(8, 8) * 3).astype(np.uint8)
    for name in ("x.tif", "x.gif"):
        Image.fromarray(arr).save(tmp_path / name)
        assert load_image(tmp_path / name).array.shape == (8, 8)


def test_wrong_dimensionality_names_file(tmp_path):
    path = save_nifti(np.zeros((4, 4, 4, 3), np.float32), np.eye(4), tmp_path / "four_d.nii.gz")
    with pytest.raises(InputError, match=r"four_d\.nii\.gz.*4D"):
        load_image(path)
    Image.fromarray(np.zeros((8, 8), np.uint8)).save(tmp_path / "flat.png")
    with pytest.raises(InputError, match=r"flat\.png: expected a 3D image, got 2D"):
        load_image(tmp_path / "flat.png", dims=3)


def test_non_image_files_give_clear_errors(tmp_path):
    (tmp_path / "notes.txt").write_text("not an image")
    with pytest.raises(InputError, match=r"notes\.txt: not a supported image"):
        load_image(tmp_path / "notes.txt")
    (tmp_path / "fake.png").write_text("not a png")
    with pytest.raises(InputError, match=r"fake\.png: cannot read as an image"):
        load_image(tmp_path / "fake.png")
    (tmp_path / "fake.nii.gz").write_bytes(b"\x1f\x8b garbage")
    with pytest.raises(InputError, match=r"fake\.nii\.gz: cannot read as NIfTI"):
        load_image(tmp_path / "fake.nii.gz")
    (tmp_path / "series").mkdir()
    (tmp_path / "series" / "junk.dcm").write_bytes(b"junk")
    with pytest.raises(InputError, match=r"junk\.dcm: not a DICOM file"):
        load_image(tmp_path / "series")
    with pytest.raises(InputError, match="no such file"):
        load_image(tmp_path / "missing.nii.gz")


def test_empty_and_invalid_masks(tmp_path):
    like = Scan(np.zeros((6, 6, 6), np.float32), (1.0, 1.0, 1.0), np.eye(4), tmp_path / "img.nii.gz", "nifti")
    empty = save_mask(np.zeros((6, 6, 6), np.uint8), like, tmp_path / "empty.nii.gz")
    with pytest.raises(InputError, match=r"empty\.nii\.gz: mask has no foreground voxels"):
        load_mask(empty, like=like)
    assert load_mask(empty, like=like, allow_empty=True).array.sum() == 0
    save_nifti(np.full((6, 6, 6), 0.5, np.float32), np.eye(4), tmp_path / "soft.nii.gz")
    with pytest.raises(InputError, match=r"soft\.nii\.gz: mask values must be non-negative integers"):
        load_mask(tmp_path / "soft.nii.gz")
    many = np.zeros((6, 6, 6), np.uint8)
    many[0, 0, 0] = 3
    save_mask(many, like, tmp_path / "three.nii.gz")
    with pytest.raises(InputError, match=r"three\.nii\.gz: mask has label 3 but the model knows 1"):
        load_mask(tmp_path / "three.nii.gz", n_labels=1)
    small = Scan(np.zeros((5, 6, 6), np.float32), (1.0,) * 3, np.eye(4), tmp_path / "small.nii.gz", "nifti")
    with pytest.raises(InputError, match=r"mask shape \(6, 6, 6\) does not match image .*small"):
        load_mask(tmp_path / "three.nii.gz", like=small)


def test_pairs_by_stem_and_reports_mismatches(tmp_path):
    (tmp_path / "img").mkdir()
    (tmp_path / "msk").mkdir()
    for name in ("case1", "case2", "case3"):
        Image.fromarray(np.zeros((4, 4), np.uint8)).save(tmp_path / "img" / f"{name}.png")
    for name in ("case1", "case2", "case4"):
        Image.fromarray(np.zeros((4, 4), np.uint8)).save(tmp_path / "msk" / f"{name}.png")
    with pytest.raises(InputError, match=r"images without a mask: case3\.png; masks without an image: case4\.png"):
        pair_by_stem(tmp_path / "img", tmp_path / "msk")
    (tmp_path / "msk" / "case4.png").unlink()
    (tmp_path / "msk" / "case3.png").write_bytes((tmp_path / "msk" / "case1.png").read_bytes())
    assert [p[0] for p in pair_by_stem(tmp_path / "img", tmp_path / "msk")] == ["case1", "case2", "case3"]
    (tmp_path / "img" / "readme.txt").write_text("x")
    with pytest.raises(InputError, match=r"readme\.txt: not a supported image"):
        pair_by_stem(tmp_path / "img", tmp_path / "msk")


def test_stem():
    from pathlib import Path

    assert stem(Path("a/case1.nii.gz")) == "case1" and stem(Path("b/case1.PNG")) == "case1"


def test_a_header_over_the_voxel_budget_is_refused_before_reading_pixels(tmp_path, monkeypatch):
    import nibabel as nib

    header = nib.Nifti1Header()
    header.set_data_shape((1500, 1500, 1500))
    header.set_data_dtype(np.float32)
    path = tmp_path / "bomb.nii"
    path.write_bytes(header.binaryblock + b"\0" * 4 + b"\0" * 64)  # ~430 bytes declaring 13 GB of voxels
    with pytest.raises(InputError, match="3,375,000,000 voxels, over the budget"):
        load_image(path)

    Image.fromarray(np.zeros((8, 8), dtype=np.uint8)).save(tmp_path / "a.png")
    with pytest.raises(InputError, match="over the budget of 32"):
        load_image(tmp_path / "a.png", max_voxels=32)
    monkeypatch.setenv("MEDKG_MAX_VOXELS", "63")
    with pytest.raises(InputError, match="over the budget of 63"):
        load_image(tmp_path / "a.png")
    monkeypatch.setenv("MEDKG_MAX_VOXELS", "64")
    assert load_image(tmp_path / "a.png").array.shape == (8, 8)
    monkeypatch.setenv("MEDKG_MAX_VOXELS", "lots")
    with pytest.raises(InputError, match="MEDKG_MAX_VOXELS: Input should be a valid integer"):
        load_image(tmp_path / "a.png")

    _write_dicom_series(tmp_path / "series", np.zeros((8, 6, 5), dtype=np.float32), (1.0, 1.0, 2.0), (0.0, 0.0, 0.0))
    with pytest.raises(InputError, match="8 x 6 x 5 = 240 voxels"):
        load_image(tmp_path / "series", max_voxels=239)
    assert load_image(tmp_path / "series", max_voxels=240).array.shape == (8, 6, 5)
