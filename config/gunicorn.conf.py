# gunicorn settings for production (docker-compose's api service uses this file).
bind = "0.0.0.0:5000"
workers = 4
worker_class = "gthread"
threads = 4
timeout = 300
accesslog = "-"
