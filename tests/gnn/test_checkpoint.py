import pytest
import torch

from medkg.gnn.checkpoint import load_checkpoint, load_split, save_checkpoint
from medkg.gnn.predict import Predictor
from medkg.kg.errors import InputError


def test_round_trip_gives_identical_scores(tmp_path, tiny_graph, treats_model):
    save_checkpoint(tmp_path / "m", treats_model)
    ckpt = load_checkpoint(tmp_path / "m")
    before = Predictor(ckpt=_as_ckpt(treats_model), graph=tiny_graph).score_matrix()
    after = Predictor(ckpt=ckpt, graph=tiny_graph).score_matrix()
    assert torch.equal(before, after)
    assert ckpt.config["task"]["name"] == "treats" and ckpt.node_ids == tiny_graph.node_ids
    split = load_split(ckpt, tiny_graph)
    assert torch.equal(split.test_pos, treats_model.split.test_pos)


def test_fp16_weights_load_back_close(tmp_path, tiny_graph, treats_model):
    save_checkpoint(tmp_path / "h", treats_model, half=True)
    ckpt = load_checkpoint(tmp_path / "h")
    assert ckpt.config["weights_dtype"] == "float16"
    a = Predictor(ckpt=ckpt, graph=tiny_graph).score_matrix()
    b = Predictor(ckpt=_as_ckpt(treats_model), graph=tiny_graph).score_matrix()
    assert torch.allclose(a, b, atol=0.05 * float(b.abs().max()))


def test_wrong_task_or_missing_dir_is_a_clear_error(tmp_path, treats_model):
    save_checkpoint(tmp_path / "m", treats_model)
    with pytest.raises(InputError, match="not 'presents'"):
        load_checkpoint(tmp_path / "m", task="presents")
    with pytest.raises(InputError, match="model_dir"):
        load_checkpoint(tmp_path / "nothing")


def _as_ckpt(result):
    from pathlib import Path

    from medkg.gnn.checkpoint import Checkpoint

    return Checkpoint(Path("."), result.model.eval(), result.config, result.graph.node_ids)


def test_prior_models_cache_their_states_and_score_identically(tmp_path, tiny_graph, treats_model):
    import copy

    from medkg.gnn.checkpoint import STATES_FILE

    result = copy.copy(treats_model)
    result.config = dict(treats_model.config, graph=dict(treats_model.config["graph"], source="prior",
                                                         exclude_metaedges=[]))
    save_checkpoint(tmp_path / "p", result, half=True)
    assert (tmp_path / "p" / STATES_FILE).is_file()
    ckpt = load_checkpoint(tmp_path / "p")
    cached = Predictor(ckpt)  # no graph: states come from the cache
    assert torch.equal(cached.score_matrix(), Predictor(ckpt, tiny_graph).score_matrix())
    assert cached.score_pairs(["C0", "nope"], ["D0", "D0"])[1] is None
