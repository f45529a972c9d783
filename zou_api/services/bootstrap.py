"""First start of `zou-api serve`: schema, default data and an admin account when there is none."""
import os

from zou_api.services import init_data, persons_admin, schema


def keep_generated_password(data_dir, email, password):
    """Write the generated admin login to DATA_DIR/admin_password, mode 0600; returns the path."""
    path = os.path.join(data_dir, "admin_password")
    if os.path.exists(path):
        os.remove(path)  # O_CREAT keeps an existing file's mode: start from a new file
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(f"{email}\n{password}\n")
    return path


def prepare(app, announce=print, host="127.0.0.1", port=5000):
    schema.upgrade()
    if persons_admin.count_persons() == 0:
        init_data.init_data()
        email = os.environ.get("ZOU_ADMIN_EMAIL", "admin@example.com")
        chosen = os.environ.get("ZOU_ADMIN_PASSWORD")
        person, password = persons_admin.create_admin(email, chosen)
        announce(f"Created the admin account: {person.email} / {password}")
        if not chosen:
            path = keep_generated_password(app.config["ZOU_DATA_DIR"], person.email, password)
            announce(f"(the password is also kept in {path}, readable only by you: "
                     "change it after the first login, then delete that file)")
    announce(f"Database: {schema.safe_url()}")
    announce(f"Files: {app.config['PREVIEW_FOLDER']}")
    announce(f"Serving the API on http://{host}:{port}/")
