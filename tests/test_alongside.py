"""A computation made in a forked process gives what it gives in the build's own process."""

from __future__ import annotations

import os
import signal

import pytest

from reform_archive.parallel.alongside import Alongside


class Refused(Exception):
    pass


def test_a_forked_result_is_the_result_in_this_process():
    data = {"a": list(range(100_000)), "b": "Hoà Bình"}  # inherited by the child, not sent
    forked = Alongside(lambda: (os.getpid(), [data["b"]] * 3, sum(data["a"])), fork=True)
    here = Alongside(lambda: (os.getpid(), [data["b"]] * 3, sum(data["a"])), fork=False)
    assert forked.in_child and not here.in_child
    child_pid, *forked_value = forked.result()
    parent_pid, *here_value = here.result()
    assert child_pid != os.getpid() and parent_pid == os.getpid()
    assert forked_value == here_value == [["Hoà Bình"] * 3, sum(range(100_000))]
    assert forked.seconds > 0


def test_an_error_in_the_child_is_raised_here():
    def compute():
        raise Refused("bad index")

    with pytest.raises(Refused, match="bad index"):
        Alongside(compute, fork=True).result()


def test_a_child_that_dies_is_replaced_by_computing_here():
    def compute():
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
        return "made here"

    parent = os.getpid()
    assert Alongside(compute, fork=True).result() == "made here"


def test_a_cancelled_child_is_gone():
    job = Alongside(lambda: signal.pause(), fork=True)
    process = job._process
    job.cancel()
    assert process is not None and not process.is_alive()
    assert job._reader is not None and job._reader.closed  # no descriptor left behind in a long preview
