"""The user blueprint: what a logged-in person sees and keeps for themselves (their projects,
tasks, entities, context, saved searches, notifications, subscriptions, time, day offs,
desktop logins and chats). Every route answers for the caller only."""
from zou_api.blueprints.user import resources_inbox as inbox
from zou_api.blueprints.user import resources_tasks as tasks
from zou_api.blueprints.user import resources_time as time
from zou_api.blueprints.user import resources_views as views

ROUTES = [
    # projects, context, saved searches
    ("/data/user/projects/open", views.OpenProjectsResource),
    ("/data/user/context", views.ContextResource),
    ("/data/user/filters", views.FiltersResource),
    ("/data/user/filters/<filter_id>", views.FilterResource),
    ("/data/user/filter-groups", views.FilterGroupsResource),
    ("/data/user/filter-groups/<filter_group_id>", views.FilterGroupResource),
    # tasks
    ("/data/user/tasks", tasks.TasksToDoResource),
    ("/data/user/done-tasks", tasks.DoneTasksResource),
    ("/data/user/tasks-to-check", tasks.TasksToCheckResource),
    ("/data/user/tasks-to-check/filter-values", tasks.TasksToCheckFilterValuesResource),
    # what they work on
    ("/data/user/projects/<project_id>/asset-types", tasks.AssetTypesResource),
    ("/data/user/projects/<project_id>/asset-types/<asset_type_id>/assets", tasks.AssetsResource),
    ("/data/user/projects/<project_id>/sequences", tasks.SequencesResource),
    ("/data/user/projects/<project_id>/episodes", tasks.EpisodesResource),
    ("/data/user/sequences/<sequence_id>/shots", tasks.SequenceShotsResource),
    ("/data/user/sequences/<sequence_id>/scenes", tasks.SequenceScenesResource),
    ("/data/user/assets/<asset_id>/tasks", tasks.AssetTasksResource),
    ("/data/user/assets/<asset_id>/task-types", tasks.AssetTaskTypesResource),
    ("/data/user/shots/<shot_id>/tasks", tasks.ShotTasksResource),
    ("/data/user/shots/<shot_id>/task-types", tasks.ShotTaskTypesResource),
    ("/data/user/scenes/<scene_id>/tasks", tasks.SceneTasksResource),
    ("/data/user/scenes/<scene_id>/task-types", tasks.SceneTaskTypesResource),
    ("/data/user/sequences/<sequence_id>/tasks", tasks.SequenceTasksResource),
    ("/data/user/sequences/<sequence_id>/task-types", tasks.SequenceTaskTypesResource),
    # notifications, subscriptions, chats
    ("/data/user/notifications", inbox.NotificationsResource),
    ("/data/user/notifications/<notification_id>", inbox.NotificationResource),
    ("/actions/user/notifications/mark-all-as-read", inbox.MarkAllReadResource),
    ("/data/user/tasks/<task_id>/subscribed", inbox.TaskSubscribedResource),
    ("/actions/user/tasks/<task_id>/subscribe", inbox.TaskSubscribeResource),
    ("/actions/user/tasks/<task_id>/unsubscribe", inbox.TaskUnsubscribeResource),
    ("/actions/user/tasks/subscribe", inbox.TasksSubscribeResource),
    ("/actions/user/tasks/unsubscribe", inbox.TasksUnsubscribeResource),
    ("/data/user/sequences/<sequence_id>/task-types/<task_type_id>/subscribed", inbox.SequenceSubscribedResource),
    ("/data/user/entities/<sequence_id>/task-types/<task_type_id>/subscribed", inbox.SequenceSubscribedResource),
    ("/actions/user/sequences/<sequence_id>/task-types/<task_type_id>/subscribe", inbox.SequenceSubscribeResource),
    ("/actions/user/sequences/<sequence_id>/task-types/<task_type_id>/unsubscribe",
     inbox.SequenceUnsubscribeResource),
    ("/data/user/chats", inbox.ChatsResource),
    ("/actions/user/chats/<entity_id>/join", inbox.ChatJoinResource),
    # time, day offs, desktop logins, avatar
    ("/data/user/time-spents", time.TimeSpentsResource),
    ("/data/user/time-spents/<date>", time.DayTimeSpentsResource),
    ("/data/user/tasks/<task_id>/time-spents/<date>", time.TaskTimeSpentResource),
    ("/data/user/day-offs/<date>", time.DayOffResource),
    ("/data/user/desktop-login-logs", time.DesktopLoginLogsResource),
    ("/actions/user/clear-avatar", time.ClearAvatarResource),
]
