"""Reasoning over the graph: path-count (DWPC) and GNN link prediction for treatments and diagnoses, with
explanations that cite the evidence behind each path."""
