"""Plain job functions for the queue tests (importable by an RQ worker)."""


def add(a, b):
    return a + b


def fail():
    raise RuntimeError("this job fails")
