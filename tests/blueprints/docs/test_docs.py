def test_openapi_json_lists_registered_routes(anonymous):
    spec = anonymous.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"] == "Kitsu API"
    assert "post" in spec["paths"]["/auth/login"]
    assert spec["paths"]["/auth/login"]["post"]["summary"].startswith("Log in")
    assert {"get", "put", "delete"} <= set(spec["paths"]["/data/projects/{instance_id}"])
    person = spec["components"]["schemas"]["Person"]["properties"]
    assert person["id"] == {"type": "string", "format": "uuid"}
    assert "password" not in person and "departments" in person


def test_openapi_raw_is_the_same_spec(anonymous):
    raw = anonymous.get("/openapi-raw.json").get_json()
    assert set(raw["paths"]) == set(anonymous.get("/openapi.json").get_json()["paths"])


def test_apidocs_ui(anonymous):
    page = anonymous.get("/apidocs/")
    assert page.status_code == 200 and b"swagger" in page.data.lower()
    redirect = anonymous.get("/apidocs/index.html")
    assert redirect.status_code == 302 and redirect.headers["Location"].endswith("/apidocs/")
    assert anonymous.get("/oauth2-redirect.html").status_code == 200


def test_doc_files(anonymous):
    response = anonymous.get("/docs/getting-started.md")
    assert response.status_code == 200 and b"/auth/login" in response.data
    assert anonymous.get("/docs/missing.md").status_code == 404
    escape = anonymous.get("/docs/../pyproject.toml")
    assert escape.status_code == 404 and escape.get_json()["error"] is True


def test_openapi_says_who_may_call_each_route(anonymous):
    paths = anonymous.get("/openapi.json").get_json()["paths"]
    login = paths["/auth/login"]["post"]
    assert login["x-access"] == "anyone, logged in or not" and login["security"] == []
    assert paths["/data/departments/hardware-items"]["get"]["x-access"] == "admins"
    assert "security" not in paths["/data/departments/hardware-items"]["get"]  # the bearer token
    assert paths["/auth/refresh-token"]["get"]["x-access"].startswith("holders of a valid refresh token")
    day_offs = paths["/data/persons/{person_id}/day-offs"]["get"]["x-access"]
    assert day_offs.startswith("the person, admins")
    assert paths["/auth/fido"]["get"]["x-access"] == "anyone, logged in or not"
    assert paths["/auth/fido"]["put"]["x-access"].startswith("logged-in people, not bots")
