"""Subscriptions: a person follows a task, or a task type on a sequence (every task of that
type on the sequence's shots), and then hears of its comments (see services/notifications.py).

Plain values in; the resources check that the caller may see the task or the sequence.
"""
from sqlalchemy import delete, select

from zou_api import events
from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import Entity, EntityType, Subscription, Task, TaskType
from zou_api.services.base import NOT_FOUND, transaction



def task_rows(task_ids):
    """[{id, project_id, entity_id}] of the tasks, in the given order; 404 on an unknown one."""
    found = {row.id: {"id": row.id, "project_id": row.project_id, "entity_id": row.entity_id}
             for row in db.session.execute(select(Task.id, Task.project_id, Task.entity_id)
                                           .where(Task.id.in_(list(task_ids))))}
    missing = [task_id for task_id in task_ids if task_id not in found]
    if missing:
        raise NotFound(NOT_FOUND)
    return [found[task_id] for task_id in task_ids]


def is_subscribed_to_task(person_id, task_id):
    return db.session.execute(select(Subscription.id).where(
        Subscription.person_id == person_id, Subscription.task_id == task_id).limit(1)).first() is not None


def _task_subscription(person_id, task_id):
    return db.session.execute(select(Subscription).where(
        Subscription.person_id == person_id, Subscription.task_id == task_id)).scalars().first()


def subscribe_to_tasks(person_id, task_ids):
    """Subscribe to each task (an existing subscription is kept); answers the subscriptions."""
    answer = []
    with transaction() as session:
        for task_id in task_ids:
            subscription = _task_subscription(person_id, task_id)
            if subscription is None:
                subscription = Subscription(person_id=person_id, task_id=task_id)
                session.add(subscription)
                session.flush()
                events.emit("subscription:new", {"subscription_id": subscription.id, "task_id": task_id})
            answer.append(subscription.serialize())
    return answer


def unsubscribe_from_tasks(person_id, task_ids):
    """Drop the person's subscriptions to the tasks (none is fine); answers the task ids."""
    with transaction() as session:
        session.execute(delete(Subscription).where(Subscription.person_id == person_id,
                                                   Subscription.task_id.in_(list(task_ids))),
                        execution_options={"synchronize_session": False})
        if task_ids:
            events.emit("subscription:delete", {"person_id": person_id, "task_ids": [str(t) for t in task_ids]})
    return [str(task_id) for task_id in task_ids]


# -- a task type on a sequence ----------------------------------------------------------------
def check_sequence_and_task_type(sequence_id, task_type_id):
    """404 unless the sequence is a sequence and the task type exists."""
    kind = db.session.execute(select(EntityType.name).join(Entity, Entity.entity_type_id == EntityType.id)
                              .where(Entity.id == sequence_id)).scalar()
    if kind != "Sequence" or db.session.get(TaskType, task_type_id) is None:
        raise NotFound(NOT_FOUND)


def _sequence_subscription(person_id, entity_id, task_type_id):
    return db.session.execute(select(Subscription).where(
        Subscription.person_id == person_id, Subscription.entity_id == entity_id,
        Subscription.task_type_id == task_type_id)).scalars().first()


def is_subscribed_to_entity(person_id, entity_id, task_type_id):
    return _sequence_subscription(person_id, entity_id, task_type_id) is not None


def subscribe_to_sequence(person_id, sequence_id, task_type_id):
    check_sequence_and_task_type(sequence_id, task_type_id)
    subscription = _sequence_subscription(person_id, sequence_id, task_type_id)
    if subscription is None:
        with transaction() as session:
            subscription = Subscription(person_id=person_id, entity_id=sequence_id, task_type_id=task_type_id)
            session.add(subscription)
            session.flush()
            events.emit("subscription:new", {"subscription_id": subscription.id, "entity_id": sequence_id})
    return subscription.serialize()


def unsubscribe_from_sequence(person_id, sequence_id, task_type_id):
    with transaction() as session:
        session.execute(delete(Subscription).where(
            Subscription.person_id == person_id, Subscription.entity_id == sequence_id,
            Subscription.task_type_id == task_type_id), execution_options={"synchronize_session": False})
