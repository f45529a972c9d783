"""First start of `zou-api serve`: schema, default data and an admin account when there is none."""
import os

from zou_api.services import init_data, persons_admin, schema


def prepare(app, announce=print, host="127.0.0.1", port=5000):
    schema.upgrade()
    if persons_admin.count_persons() == 0:
        init_data.init_data()
        email = os.environ.get("ZOU_ADMIN_EMAIL", "admin@example.com")
        person, password = persons_admin.create_admin(email, os.environ.get("ZOU_ADMIN_PASSWORD"))
        announce(f"Created the admin account: {person.email} / {password}")
        announce("(change the password after the first login; it is not shown again)")
    announce(f"Database: {schema.safe_url()}")
    announce(f"Files: {app.config['PREVIEW_FOLDER']}")
    announce(f"Serving the API on http://{host}:{port}/")
