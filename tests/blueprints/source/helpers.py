"""Uploading CSV files like a browser does (multipart, field `file`)."""
import io


def upload(client, path, content, filename="import.csv", encoding="utf-8"):
    raw = content.encode(encoding) if isinstance(content, str) else content
    return client.post(path, data={"file": (io.BytesIO(raw), filename)}, content_type="multipart/form-data")
