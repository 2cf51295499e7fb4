import pytest
import torch

from medkg.gnn.models import (
    BasisRGCNConv,
    DistMult,
    HeteroSAGEEncoder,
    LinkPredictor,
    ResolverError,
    has_neighbor_sampler,
    resolve_decoder,
    resolve_encoder,
)
from medkg.kg.errors import MedkgError

META = (["A", "B"], [("A", "R", "B"), ("B", "rev_R", "A")])


def test_unknown_names_list_the_choices():
    with pytest.raises(ResolverError) as err:
        resolve_encoder("gcnx", META)
    assert isinstance(err.value, MedkgError)
    for name in ("rgcn", "sage", "hgt"):
        assert name in str(err.value)
    with pytest.raises(ResolverError, match="distmult, complex, rotate"):
        resolve_decoder("transh", 8)


def test_resolvers_take_names_classes_and_instances():
    assert isinstance(resolve_encoder("SAGE", META, hidden=8), HeteroSAGEEncoder)
    assert isinstance(resolve_encoder(HeteroSAGEEncoder, META, hidden=8), HeteroSAGEEncoder)
    dec = DistMult(8)
    assert resolve_decoder(dec, 8) is dec


def test_basis_rgcn_matches_pyg_rgcnconv():
    from torch_geometric.nn import RGCNConv

    torch.manual_seed(0)
    x = torch.randn(12, 8)
    ei = torch.randint(12, (2, 40))
    et = torch.randint(3, (40,))
    ref = RGCNConv(8, 8, 3, num_bases=2, aggr="mean")
    mine = BasisRGCNConv(8, 3, 2)
    mine.load_state_dict({"weight": ref.weight, "comp": ref.comp, "root": ref.root, "bias": ref.bias})
    assert torch.allclose(mine(x, BasisRGCNConv.group(ei, et, 3)), ref(x, ei, et), atol=1e-5)


@pytest.mark.parametrize("encoder", ["rgcn", "sage", "hgt"])
@pytest.mark.parametrize("decoder", ["distmult", "complex", "rotate"])
def test_every_encoder_decoder_pair_scores_pairs_and_matrices(encoder, decoder):
    m = LinkPredictor({"A": 5, "B": 4}, META, "A", "B", encoder=encoder, decoder=decoder, hidden=8).eval()
    eid = {("A", "R", "B"): torch.tensor([[0, 1, 2], [0, 1, 3]]), ("B", "rev_R", "A"): torch.tensor([[0, 1, 3],
                                                                                                  [0, 1, 2]])}
    h = m.node_states(eid)
    mat = m.score_matrix(h)
    assert mat.shape == (5, 4)
    pairs = m.score(h, torch.tensor([0, 4]), torch.tensor([3, 1]))
    assert torch.allclose(pairs, torch.stack([mat[0, 3], mat[4, 1]]), atol=1e-5)


def test_neighbor_sampler_check_is_a_bool():
    assert has_neighbor_sampler() in (True, False)
