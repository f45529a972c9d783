"""Every route declares who may call it (`access` on its resource, checked by the base class)."""
from zou_api.security.access import Rule, rule_for

# Blueprints written before declared access; each leaves this list when its resources declare.
NOT_YET_DECLARED = set()
# flasgger's own views (the API docs UI), public by design.
THIRD_PARTY = {"flasgger"}


def _routes(app):
    for rule in app.url_map.iter_rules():
        view = app.view_functions.get(rule.endpoint)
        resource = getattr(view, "view_class", None)
        if resource is None:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, resource, method


def test_every_route_declares_its_access(app):
    missing = []
    for rule, resource, method in _routes(app):
        blueprint = rule.endpoint.split(".")[0]
        if blueprint in NOT_YET_DECLARED | THIRD_PARTY:
            continue
        declared = rule_for(resource, method)
        if not isinstance(declared, Rule):
            missing.append(f"{method} {rule.rule} ({resource.__name__})")
    assert not missing, "routes without a declared access rule:\n" + "\n".join(sorted(missing))


def test_declared_rules_describe_themselves(app):
    for rule, resource, method in _routes(app):
        declared = rule_for(resource, method)
        if declared is not None:
            assert declared.describe(), f"{method} {rule.rule}: a rule without a description"
