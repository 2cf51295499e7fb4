import pytest
import torch

from medkg.kg.devices import resolve_device
from medkg.kg.errors import InputError


def test_the_default_is_cuda_when_present_else_cpu():
    assert resolve_device().type == ("cuda" if torch.cuda.is_available() else "cpu")
    assert resolve_device("cpu") == torch.device("cpu")


@pytest.mark.skipif(torch.cuda.is_available(), reason="needs a machine without CUDA")
def test_asking_for_cuda_without_it_is_a_clear_error():
    with pytest.raises(InputError, match="CUDA is not available"):
        resolve_device("cuda")


def test_a_device_that_is_no_device_names_the_parameter():
    with pytest.raises(InputError, match="device: 'gpu0' is not a torch device"):
        resolve_device("gpu0")
