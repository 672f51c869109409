"""Package layout (metadata is in pyproject.toml).

The repository keeps demo data, the corpus, reference figures, the curated catalogue and the
notebooks at its top, where people edit them; they are mapped into the package as
``auditlib.resources.<name>`` so that ``importlib.resources`` finds them in a checkout, an
editable install and a wheel alike.
"""

from setuptools import find_packages, setup

RESOURCES = {
    "auditlib.resources.demo": "data/anonymized",
    "auditlib.resources.corpus": "data/statements",
    "auditlib.resources.reference": "data/reference",
    "auditlib.resources.catalogue": "catalogue",
    "auditlib.resources.notebooks": "notebooks",
    "auditlib.resources.heldout": "data/heldout",
}
DATA_PATTERNS = ["*.csv", "*.xlsx", "*.yaml", "*.yml", "*.md", "*.ipynb", "*.json", "*.txt",
                 "**/*.md", "**/*.csv", "**/*.yaml"]

setup(
    packages=find_packages(include=["auditlib", "auditlib.*"]) + list(RESOURCES),
    package_dir={"auditlib": "auditlib", **RESOURCES},
    package_data={
        "auditlib": ["*.yaml", "**/*.yaml", "**/*.j2", "**/*.skops", "**/*.txt", "**/*.json",
                     "**/*.jsonl", "**/*.gz", "**/*.csv", "**/*.css", "**/*.js"],
        **{name: DATA_PATTERNS for name in RESOURCES},
    },
    include_package_data=False,
)
