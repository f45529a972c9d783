"""jobs.enqueue: in-process without Redis, an RQ job picked up by a real worker with Redis."""
import os

import pytest

from tests.jobs.sample_jobs import add, fail
from zou_api.jobs import queue


def test_inline_job_runs_at_once(app):
    with app.app_context():
        app.config["JOBS_INLINE"], saved = True, app.config["JOBS_INLINE"]
        try:
            assert queue.enqueue(add, 2, 3) == 5
            assert queue.running_jobs() == 0
            with pytest.raises(RuntimeError):
                queue.enqueue(fail)
            assert queue.running_jobs() == 0
        finally:
            app.config["JOBS_INLINE"] = saved


@pytest.mark.skipif(not os.environ.get("ZOU_TEST_REDIS_URL"), reason="needs ZOU_TEST_REDIS_URL (make test-redis)")
def test_rq_job_runs_in_a_worker(app):
    from rq import SimpleWorker

    with app.app_context():
        app.config["JOBS_INLINE"], saved = False, app.config["JOBS_INLINE"]
        try:
            job = queue.enqueue(add, 20, 22)
            assert job.get_status() == "queued"
            worker_queue = queue._queue()
            SimpleWorker([worker_queue], connection=worker_queue.connection).work(burst=True)
            job.refresh()
            assert job.get_status() == "finished"
            assert job.return_value() == 42
        finally:
            app.config["JOBS_INLINE"] = saved
