"""Errors of the HTTP layer worded as Zou words them: a 405 is its description alone, a 404
keeps its "404 Not Found: " prefix."""


def test_method_not_allowed_and_not_found_wording(admin):
    answer = admin.open("PATCH", "/data/projects", json={})
    assert answer.status_code == 405
    assert answer.get_json() == {"error": True, "message": "The method is not allowed for the requested URL."}
    answer = admin.get("/data/no-such-model-here/x/y")
    assert answer.status_code == 404
    assert answer.get_json()["message"].startswith("404 Not Found: ")
