from __future__ import annotations

from pathlib import Path

import pytest

from autoheal.fixers import python_dependency as fixer
from autoheal.fixers import python_manifests as manifests
from autoheal.fixers.base import data_table
from autoheal.proposals import FixDeclined, FixProposal
from tests.fixers.util import context, only_change

LOG = "E   ModuleNotFoundError: No module named '{}'"


def run(tmp_path: Path, files: dict[str, str], module: str = "yaml", **kw: object) -> FixProposal | FixDeclined:
    return fixer.fix(context(tmp_path, files, LOG.format(module), "dependency.missing", **kw))  # type: ignore[arg-type]


# ---------------------------------------------------------------- the table


def test_table_is_large_and_every_entry_is_a_real_difference() -> None:
    table = data_table("import_names.json")
    assert len(table) >= 100
    for module, distribution in table.items():
        dotted = "." in module
        assert dotted or manifests.normalize(module) != manifests.normalize(distribution), module


@pytest.mark.parametrize(
    ("module", "distribution"),
    [
        ("yaml", "PyYAML"),
        ("cv2", "opencv-python"),
        ("sklearn", "scikit-learn"),
        ("PIL", "Pillow"),
        ("bs4", "beautifulsoup4"),
        ("dateutil", "python-dateutil"),
        ("jwt", "PyJWT"),
        ("google.protobuf", "protobuf"),
        ("Crypto", "pycryptodome"),
        ("dotenv", "python-dotenv"),
        ("magic", "python-magic"),
        ("attr", "attrs"),
        ("serial", "pyserial"),
        ("usb", "pyusb"),
        ("zmq", "pyzmq"),
        ("OpenSSL", "pyOpenSSL"),
        ("skimage", "scikit-image"),
        ("git", "GitPython"),
        ("docx", "python-docx"),
        ("pptx", "python-pptx"),
        ("MySQLdb", "mysqlclient"),
        ("psycopg2", "psycopg2-binary"),
    ],
)
def test_required_table_entries(module: str, distribution: str) -> None:
    assert fixer.distribution_for(module) == distribution


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("google.protobuf.descriptor_pb2", "protobuf"),  # longest known prefix
        ("google.cloud.storage.blob", "google-cloud-storage"),
        ("PIL.Image", "Pillow"),
        ("requests", "requests"),  # same name: itself
        ("requests.adapters", "requests"),
        ("distutils.core", "setuptools"),  # removed in 3.12, table wins over stdlib
    ],
)
def test_distribution_for(module: str, expected: str) -> None:
    assert fixer.distribution_for(module) == expected


@pytest.mark.parametrize(
    ("module", "reason"),
    [
        ("json", "standard library"),
        ("asyncio.taskgroups", "standard library"),
        ("imp", "standard library"),
        ("urllib2", "standard library"),
        ("google", "cannot tell"),
        ("google.ads.thing", "cannot tell"),
        ("_speedups", "cannot tell"),
    ],
)
def test_distribution_for_declines(module: str, reason: str) -> None:
    result = fixer.distribution_for(module)
    assert isinstance(result, FixDeclined) and reason in result.reason


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("PyYAML", "pyyaml"),
        ("python_dateutil", "python-dateutil"),
        ("zope.interface", "zope-interface"),
        ("Foo__Bar-.baz", "foo-bar-baz"),
        ("ruamel.yaml", "ruamel-yaml"),
    ],
)
def test_normalize(name: str, normal: str) -> None:
    assert manifests.normalize(name) == normal


# ---------------------------------------------------------------- declared names


def test_declared_requirements_handles_comments_markers_and_options() -> None:
    text = (
        "# comment\n-r base.txt\n--index-url https://x\nPyYAML>=6 ; python_version>'3.8'  # yaml\n"
        "requests[socks]==2.31\n-e git+https://github.com/o/r.git#egg=Some_Tool\nname @ https://x/y.whl\n"
    )
    assert manifests.declared("requirements", text) == {"pyyaml", "requests", "some-tool", "name"}


def test_declared_pyproject_reads_every_group() -> None:
    text = (
        '[project]\nname = "x"\ndependencies = ["A>=1"]\n[project.optional-dependencies]\ntest = ["B"]\n'
        '[dependency-groups]\ndev = ["C", {include-group = "test"}]\n'
        '[tool.poetry.dependencies]\nD = "^1"\n[tool.poetry.group.docs.dependencies]\nE = "*"\n'
    )
    assert manifests.declared("pyproject", text) == {"a", "b", "c", "d", "e"}


def test_declared_setup_cfg_reads_requirement_keys_only() -> None:
    text = (
        "[metadata]\nname = thing\nlicense = MIT\n[options]\ninstall_requires =\n    Foo\n    bar>=2\n"
        "python_requires = >=3.9\ntests_require = baz\n[options.extras_require]\ntest = qux\n"
    )
    assert manifests.declared("setup.cfg", text) == {"foo", "bar", "baz", "qux"}


def test_declared_on_invalid_toml_is_empty() -> None:
    assert manifests.declared("pyproject", "[project\n") == set()


# ---------------------------------------------------------------- edits


def test_add_requirements_appends_with_the_file_line_ending() -> None:
    req = manifests.Manifest("r.txt", "requirements")
    assert manifests.add(req, "a\nb", "c") == "a\nb\nc\n"
    assert manifests.add(req, "a\r\n", "c") == "a\r\nc\r\n"
    assert manifests.add(req, "", "c") == "c\n"


def test_add_setup_cfg_inline_value_and_extras() -> None:
    text = "[options]\ninstall_requires = requests\nzip_safe = False\n[options.extras_require]\ntest =\n  pytest\n"
    main = manifests.add(manifests.Manifest("setup.cfg", "setup.cfg"), text, "PyYAML")
    extra = manifests.add(manifests.Manifest("setup.cfg", "setup.cfg", "test"), text, "PyYAML")
    assert main == text.replace("requests\n", "requests\n    PyYAML\n")
    assert extra == text + "  PyYAML\n"


def test_add_pyproject_creates_a_missing_dependencies_array() -> None:
    text = '[project]\nname = "x"\nversion = "1"\n\n[tool.x]\ny = 1\n'
    new = manifests.add(manifests.Manifest("pyproject.toml", "pyproject"), text, "PyYAML")
    assert new == '[project]\nname = "x"\nversion = "1"\ndependencies = ["PyYAML"]\n\n[tool.x]\ny = 1\n'


# ---------------------------------------------------------------- fix()


def test_dynamic_dependencies_fall_through_to_requirements(tmp_path: Path) -> None:
    files = {"pyproject.toml": '[project]\nname = "x"\ndynamic = ["dependencies"]\n', "requirements.txt": "a\n"}
    change = only_change(run(tmp_path, files))
    assert (change.path, change.new) == ("requirements.txt", "a\nPyYAML\n")


def test_extra_the_workflow_installs_wins_over_main_dependencies(tmp_path: Path) -> None:
    files = {
        ".github/workflows/ci.yml": "jobs:\n  t:\n    steps:\n      - run: pip install .[dev]\n",
        "setup.cfg": "[options]\ninstall_requires =\n    a\n[options.extras_require]\ndev =\n    b\n",
    }
    change = only_change(run(tmp_path, files, workflow_path=".github/workflows/ci.yml"))
    assert change.new.endswith("dev =\n    b\n    PyYAML\n")


def test_project_name_is_first_party(tmp_path: Path) -> None:
    files = {"pyproject.toml": '[project]\nname = "My-Tool"\ndependencies = []\n'}
    result = run(tmp_path, files, module="my_tool.cli")
    assert isinstance(result, FixDeclined) and "first-party" in result.reason


@pytest.mark.parametrize("layout", ["mypkg/__init__.py", "mypkg.py", "src/mypkg/x.py", "src/mypkg.py"])
def test_first_party_layouts(tmp_path: Path, layout: str) -> None:
    result = run(tmp_path, {layout: "", "requirements.txt": ""}, module="mypkg")
    assert isinstance(result, FixDeclined) and "first-party" in result.reason


def test_no_manifest_declines(tmp_path: Path) -> None:
    result = run(tmp_path, {"README.md": "hi\n"})
    assert isinstance(result, FixDeclined) and "no requirements file" in result.reason


def test_requirements_file_outside_the_workspace_is_never_read(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text("pyyaml\n")
    files = {".github/workflows/ci.yml": "steps:\n  - run: pip install -r ../outside.txt\n", "requirements.txt": "a\n"}
    change = only_change(run(tmp_path / "ws", files, workflow_path=".github/workflows/ci.yml"))
    assert change.path == "requirements.txt"


def test_node_log_is_not_a_python_failure(tmp_path: Path) -> None:
    ctx = context(
        tmp_path,
        {"requirements.txt": ""},
        "Error: Cannot find module 'express'",
        "dependency.missing",
        captures={"module": "express"},
    )
    result = fixer.fix(ctx)
    assert isinstance(result, FixDeclined) and "does not name a missing Python module" in result.reason


# ---------------------------------------------------------------- names and captures (issue 9 #13)
@pytest.mark.parametrize(
    ("module", "reason"),
    [
        # Look-alike letters: Python accepts them in identifiers, PyPI never in names.
        ("requ\u0435sts", "'requ\\u0435sts' is not a Python module name of ASCII letters"),
        ("n\u0443mpy", "is not a Python module name"),
        ("\u0455ix", "is not a Python module name"),  # Cyrillic dze for s
        ("\uff59\uff41\uff4d\uff4c", "is not a Python module name"),  # full-width "yaml"
        ("caf\u00e9", "is not a Python module name"),
        ("../../etc/passwd", "is not a Python module name"),
        ("yaml;rm -rf", "is not a Python module name"),
        ("foo_", "'foo-' is not a valid PyPI distribution name"),  # named as the distribution it maps to,
    ],
)
def test_names_pypi_cannot_hold_are_refused(tmp_path: Path, module: str, reason: str) -> None:
    result = run(tmp_path, {"requirements.txt": "requests\n"}, module, captures={"module": module})
    assert isinstance(result, FixDeclined) and reason in result.reason, result
    assert result.applies


def test_a_node_rule_never_lends_its_capture_to_the_python_fixer(tmp_path: Path) -> None:
    # The Node rule fired (its line is the summary) and captured "module"; a Python error
    # elsewhere in the excerpt does not make that capture a Python module.
    log = "Error: Cannot find module 'left-pad'\nE   ModuleNotFoundError: No module named 'yaml'"
    ctx = context(tmp_path, {"requirements.txt": ""}, log, "dependency.missing", captures={"module": "left-pad"})
    result = fixer.fix(ctx)
    assert isinstance(result, FixDeclined) and not result.applies


def test_without_a_capture_the_module_is_read_from_the_log(tmp_path: Path) -> None:
    # A rule without captures fired (pytest's collection error): the module is on a line below it.
    log = "ImportError while importing test module 'tests/test_a.py'.\nE   ModuleNotFoundError: No module named 'yaml'"
    change = only_change(fixer.fix(context(tmp_path, {"requirements.txt": ""}, log, "dependency.missing")))
    assert change.new == "PyYAML\n"
