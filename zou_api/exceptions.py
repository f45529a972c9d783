"""Domain exceptions raised by services; app.py maps each to its HTTP status."""


class ZouError(Exception):
    status = 400

    def __init__(self, message="", status=None, payload=None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.payload = payload or {}

    def body(self):
        body = {"error": True, "message": self.message}
        body.update(self.payload)
        return body


class WrongParameter(ZouError):
    status = 400


class NotFound(ZouError):
    status = 404


class PermissionDenied(ZouError):
    status = 403

    def __init__(self, message=("You don't have the permission to access the requested resource. It is either "
                                "read-protected or not readable by the server."), **kw):
        super().__init__(message, **kw)


class Unauthorized(ZouError):
    status = 401


class Conflict(ZouError):
    status = 409


class UnsupportedMediaType(ZouError):
    status = 415
