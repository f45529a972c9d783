FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY zou_api ./zou_api
COPY migrations ./migrations
COPY config ./config
RUN pip install --no-cache-dir -e .
ENV ZOU_DATA_DIR=/data ZOU_MIGRATIONS_DIR=/app/migrations
VOLUME ["/data"]
EXPOSE 5000
CMD ["sh", "-c", "zou-api upgrade-db && exec gunicorn -c config/gunicorn.conf.py zou_api.wsgi:app"]
