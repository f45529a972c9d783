"""The API's own documentation: the OpenAPI spec and the documentation files."""
from zou_api.blueprints.docs import resources as r

ROUTES = [
    ("/openapi.json", r.OpenApiResource),
    ("/apidocs/index.html", r.ApiDocsIndexResource),
    ("/docs/<path:filename>", r.DocFileResource),
]
