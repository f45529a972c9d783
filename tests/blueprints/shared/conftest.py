from tests.blueprints.previews.conftest import movies, new_preview, preview, prod  # noqa: F401
