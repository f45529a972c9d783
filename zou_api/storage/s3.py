"""S3-compatible backend (AWS, MinIO, Ceph...) with boto3: bucket/key lives in the S3 bucket
`<FS_BUCKET_PREFIX><bucket>` under `key`. Set FS_BACKEND=s3 with FS_S3_ENDPOINT, FS_S3_REGION,
FS_S3_ACCESS_KEY, FS_S3_SECRET_KEY (the API and the workers read the same settings).

An object appears whole or not at all (a single PUT, or a multipart upload completed at the
end), so a crashed upload never leaves half a file under its real key.
"""
import io
import os

from zou_api.storage.base import FileStore
from zou_api.storage.local import _check


class S3Store(FileStore):
    def __init__(self, endpoint=None, region=None, access_key=None, secret_key=None, prefix=""):
        import boto3
        from botocore.config import Config

        self.prefix = prefix or ""
        self.client = boto3.client(
            "s3", endpoint_url=endpoint or None, region_name=region or None,
            aws_access_key_id=access_key or None, aws_secret_access_key=secret_key or None,
            config=Config(retries={"max_attempts": 3, "mode": "standard"}))
        self._known = set()

    def _bucket(self, bucket):
        name = self.prefix + _check(bucket, "bucket")
        if name not in self._known:
            from botocore.exceptions import ClientError

            try:
                self.client.head_bucket(Bucket=name)
            except ClientError:
                self.client.create_bucket(Bucket=name)
            self._known.add(name)
        return name

    def put(self, bucket, key, source):
        name, key = self._bucket(bucket), _check(str(key), "key")
        if isinstance(source, (str, os.PathLike)):
            self.client.upload_file(os.fspath(source), name, key)
        elif isinstance(source, bytes):
            self.client.upload_fileobj(io.BytesIO(source), name, key)
        else:
            self.client.upload_fileobj(source, name, key)
        return f"s3://{name}/{key}"

    def open(self, bucket, key):
        from botocore.exceptions import ClientError

        try:
            answer = self.client.get_object(Bucket=self._bucket(bucket), Key=_check(str(key), "key"))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404", "NotFound"):
                raise FileNotFoundError(f"{bucket}/{key}")
            raise
        return answer["Body"]

    def exists(self, bucket, key):
        try:
            self.size(bucket, key)
            return True
        except FileNotFoundError:
            return False

    def size(self, bucket, key):
        from botocore.exceptions import ClientError

        try:
            answer = self.client.head_object(Bucket=self._bucket(bucket), Key=_check(str(key), "key"))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404", "NotFound"):
                raise FileNotFoundError(f"{bucket}/{key}")
            raise
        return answer["ContentLength"]

    def remove(self, bucket, key):
        if not self.exists(bucket, key):
            return False
        self.client.delete_object(Bucket=self._bucket(bucket), Key=_check(str(key), "key"))
        return True


def from_config(config):
    return S3Store(config.get("FS_S3_ENDPOINT"), config.get("FS_S3_REGION"), config.get("FS_S3_ACCESS_KEY"),
                   config.get("FS_S3_SECRET_KEY"), config.get("FS_BUCKET_PREFIX") or "")
