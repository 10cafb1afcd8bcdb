# autoheal as a Docker action. Dependencies are pinned in requirements.lock;
# every wheel is prebuilt for this image, so no compiler is installed or left behind. The lock
# includes hyperscan: the image scans with the fast engine (autoheal[fast]).
FROM python:3.12-slim

# AUTOHEAL_CACHE_DIR: what a triage derives from the built-in catalogue (rules, prefilter,
# Hyperscan databases: seconds of CPU) is built once below, into the image. Docker actions run as
# the image's default user, root, so the cache's owner check holds at run time:
# https://docs.github.com/en/actions/sharing-automations/creating-actions/dockerfile-support-for-github-actions#user
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    AUTOHEAL_CACHE_DIR=/opt/autoheal/cache \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Heal mode commits and pushes with git (>= 2.31 for GIT_CONFIG_* env config).
# Not pinned: Debian security updates replace exact versions in the archive.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/autoheal
COPY requirements.lock pyproject.toml README.md entrypoint.py ./
COPY autoheal ./autoheal
COPY templates ./templates
COPY workflows-examples ./workflows-examples

# The warm-up below pipes into autoheal: a failing step must fail the build (hadolint DL4006).
# The entrypoint imports autoheal from this directory, not from site-packages, the base image
# ships its standard library without bytecode (docker-library/python removes every *.pyc), and
# PYTHONDONTWRITEBYTECODE keeps runs from writing any: compileall writes both once, here, or every
# run would compile every module it imports (more than the triage of a small log costs; ~0.3 s
# for report mode's imports).
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN pip install --no-cache-dir --only-binary=:all: -r requirements.lock \
    && pip install --no-cache-dir --no-deps . \
    && python -m compileall -q autoheal \
    && python -m compileall -q -j0 -x '/(test|tests|idle_test)/' \
        "$(python -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')" \
    && autoheal --help > /dev/null \
    && printf 'error: warm-up\n' | autoheal triage - > /dev/null

# The runner mounts the checkout at /github/workspace and makes it the working directory.
ENTRYPOINT ["python", "/opt/autoheal/entrypoint.py"]
