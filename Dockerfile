# The gms-graph app (CLI + web). With docker-compose it talks to Neo4j through NEO4J_URI; the
# embedded FalkorDB also works inside the image (linux x86_64/aarch64 wheels).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    GMSGRAPH_DATA_DIR=/data
WORKDIR /app

COPY pyproject.toml README.md LICENSE ./
COPY graph ./graph
COPY web ./web
COPY cypher ./cypher
COPY data ./data
RUN pip install . && useradd --create-home gms && mkdir -p /data && chown gms /data
USER gms

EXPOSE 5000
# The web explorer. Inside a container it must listen on all interfaces; docker-compose publishes
# it on 127.0.0.1 only. Other commands: `docker compose run --rm app gmsgraph ...`.
CMD ["gmsgraph", "serve", "--host", "0.0.0.0", "--port", "5000"]
