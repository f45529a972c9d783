"""Sweeps over the source: the rules of the house (docs/architecture.md) hold in every module.

- one unit of work: nothing calls `.commit()` but services/base.py's `transaction()`;
- services and the CRUD mechanism never import Flask or werkzeug (they get plain values;
  only security/ reads the caller from the request, settings come through zou_api.settings);
- a blueprint package never imports another one (blueprints/base.py and args.py are shared).
"""
import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent / "zou_api"
UNIT_OF_WORK = ROOT / "services" / "base.py"
SHARED_BLUEPRINT_MODULES = {"base", "args", "entity_kit"}  # the kit every blueprint may use


def _modules(*folders):
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.py"))


def _tree(path):
    return ast.parse(path.read_text(), filename=str(path))


def _name(path):
    return str(path.relative_to(ROOT.parent))


def _imported_modules(tree, path):
    """Absolute names of the modules a file imports (relative imports resolved)."""
    package = list(path.relative_to(ROOT.parent).with_suffix("").parts)[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield module, node.lineno
            for alias in node.names:
                yield f"{module}.{alias.name}", node.lineno


def commits_outside_unit_of_work():
    found = []
    for path in _modules("services", "security", "blueprints", "crud"):
        if path == UNIT_OF_WORK:
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "commit":
                found.append(f"{_name(path)}:{node.lineno}")
    return found


def web_imports(folders):
    found = {}
    for path in _modules(*folders):
        for module, line in _imported_modules(_tree(path), path):
            if module.split(".")[0] in ("flask", "werkzeug", "flask_jwt_extended"):
                found.setdefault(f"{_name(path)}:{line}", f"{_name(path)}:{line} imports {module}")
    return sorted(found.values())


def cross_blueprint_imports():
    found = []
    blueprints = ROOT / "blueprints"
    for package in sorted(p for p in blueprints.iterdir() if (p / "__init__.py").exists()):
        for path in sorted(package.rglob("*.py")):
            for module, line in _imported_modules(_tree(path), path):
                parts = module.split(".")
                if parts[:2] != ["zou_api", "blueprints"] or len(parts) < 3:
                    continue
                if parts[2] not in SHARED_BLUEPRINT_MODULES | {package.name}:
                    found.append(f"{_name(path)}:{line} imports {'.'.join(parts[:3])}")
    return sorted(set(found))


def test_nothing_commits_outside_the_unit_of_work():
    found = commits_outside_unit_of_work()
    assert not found, "commit outside services/base.py transaction():\n" + "\n".join(found)


def test_services_and_crud_do_not_touch_flask_or_werkzeug():
    found = web_imports(["services", "crud"])
    assert not found, "Flask / werkzeug in services or crud (pass plain values):\n" + "\n".join(found)


def test_no_blueprint_imports_another():
    found = cross_blueprint_imports()
    assert not found, "a blueprint imports another blueprint:\n" + "\n".join(found)


@pytest.mark.parametrize("source, sweep, expected", [
    ("from zou_api.extensions import db\ndef f():\n    db.session.commit()\n", "commit", 1),
    ("def f(session):\n    with session:\n        pass\n", "commit", 0),
    ("from flask import request\n", "web", 1),
    ("import werkzeug.exceptions\n", "web", 1),
    ("from zou_api.blueprints.persons import args\n", "blueprint", 1),
    ("from zou_api.blueprints import args\nfrom zou_api.blueprints.base import Resource\n", "blueprint", 0),
    ("from ..persons import resources\n", "blueprint", 1),
])
def test_the_sweeps_catch_what_they_look_for(tmp_path, monkeypatch, source, sweep, expected):
    """Each sweep finds a planted offence (and nothing in a clean module)."""
    root = tmp_path / "zou_api"
    for folder in ("services", "security", "crud", "blueprints/demo", "blueprints/persons"):
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text("")
    (root / "services" / "base.py").write_text("def transaction():\n    session.commit()\n")
    target = {"commit": root / "services" / "planted.py", "web": root / "crud" / "planted.py",
              "blueprint": root / "blueprints" / "demo" / "resources.py"}[sweep]
    target.write_text(source)
    monkeypatch.setitem(globals(), "ROOT", root)
    monkeypatch.setitem(globals(), "UNIT_OF_WORK", root / "services" / "base.py")
    found = {"commit": commits_outside_unit_of_work, "web": lambda: web_imports(["services", "crud"]),
             "blueprint": cross_blueprint_imports}[sweep]()
    assert len(found) == expected, found
