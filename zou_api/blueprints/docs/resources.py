import os

from flask import current_app, redirect, send_from_directory

from werkzeug.exceptions import NotFound

from zou_api.blueprints.base import PublicResource, json_response
from zou_api.openapi import spec_for

DOCS_FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "docs")


class OpenApiResource(PublicResource):
    summary = "The OpenAPI specification of this API."

    def get(self):
        return json_response(spec_for(current_app))


class ApiDocsIndexResource(PublicResource):
    summary = "The interactive documentation (redirects to /apidocs/)."

    def get(self):
        return redirect("/apidocs/")


class DocFileResource(PublicResource):
    summary = "A documentation file."

    def get(self, filename):
        path = os.path.normpath(os.path.join(DOCS_FOLDER, filename))
        if not path.startswith(DOCS_FOLDER + os.sep) or not os.path.isfile(path):
            raise NotFound()
        return send_from_directory(DOCS_FOLDER, filename)
