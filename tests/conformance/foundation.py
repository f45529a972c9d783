"""What a fresh instance holds after init-data, and the public index routes."""


def scenario_init_data(c):
    c.get("/")
    c.get("/config")
    c.get("/auth/authenticated")
    c.get("/data/task-types")
    c.get("/data/task-status")
    c.get("/data/project-status")
    c.get("/data/departments")
    c.get("/data/entity-types")
    c.get("/data/asset-types")
    c.get("/stats")


def scenario_errors(c):
    c.get("/no/such/route")
    c.get("/data/task-types/not-a-uuid")
    c.get("/data/task-types/00000000-0000-0000-0000-000000000000")
    c.get("/data/departments", params={"archived": "maybe"})
    c.post("/data/departments", {"name": "Dept", "bogus": 1})
