"""Authored cases, batch ai (issue 8: triage that holds on logs it has never seen): tools and ecosystems the
batches before barely had (docs and site builders, data tests, migrations, infrastructure CLIs, F#, R, Julia,
Perl, Clojure, Scala, Erlang, Elixir, Haskell, OCaml, Zig, Crystal, Dart, Flutter, Lua, TeX, Typst), each in its
documentation's output behind its documented invocation, mixed with the issue's hard classes: trigger words in
passing tests' names against the runner's verdict, warnings above the real error, a consequence printed after
its cause, a setup step's or a post step's errors that did not fail the job, and a block longer than 40 lines.
Each was labelled (category, the lines a maintainer reads) before triage ran on it.
"""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import PY_PACKAGES, npm_ci, pip_install, setup_node, setup_python
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, plain, travis

# ---------------------------------------------------------------- docs, sites and papers

case(
    "ai-mkdocs-strict-gha",
    "lint.error",
    "high",
    gha(
        "acme/handbook",
        "docs",
        [
            setup_python(),
            Step(
                "pip install -r docs/requirements.txt",
                pip_install([("mkdocs", "1.6.0"), ("mkdocs-material", "9.5.21")]),
            ),
            Step(
                "mkdocs build --strict",
                f"""INFO    -  Cleaning site directory
INFO    -  Building documentation to directory: /home/runner/work/handbook/handbook/site
INFO    -  The following pages exist in the docs directory, but are not included in the "nav" configuration:
  - drafts/roadmap.md
{MARK}WARNING -  Doc file 'guides/deploy.md' contains a link 'ops/rollback.md', but the target 'guides/ops/rollback.md' is not found among documentation files.
{MARK}WARNING -  Doc file 'index.md' contains a link '#instalation', but there is no such anchor on this page.
{MARK}
{MARK}Aborted with 2 warnings in strict mode!""",
                code=1,
            ),
        ],
        actions=("actions/setup-python@v5",),
    ),
    "Aborted with 2 warnings in strict mode!",
    "mkdocs --strict: two broken links as WARNING lines, which are the failure; INFO lines above are not",
)

case(
    "ai-typst-unknown-variable-gha",
    "compile.error",
    "high",
    gha(
        "acme/thesis",
        "pdf",
        [
            Step(
                "",
                uses="typst-community/setup-typst@v3",
                with_={"typst-version": "0.11.1"},
                out="Typst 0.11.1 installed\nAdded typst to the path",
            ),
            Step(
                "typst compile main.typ thesis.pdf",
                f"""{MARK}error: unknown variable: titel
{MARK}   ┌─ chapters/intro.typ:12:2
{MARK}   │
{MARK}12 │ #titel[Introduction]
{MARK}   │  ^^^^^
{MARK}
{MARK}   = hint: if you meant to use subtraction, try adding spaces around the minus sign""",
                code=1,
            ),
        ],
        actions=("typst-community/setup-typst@v3",),
    ),
    "error: unknown variable: titel",
    "typst: an unknown identifier in the document source, with its code frame",
)

case(
    "ai-latexmk-undefined-control-travis",
    "compile.error",
    "high",
    travis(
        "acme/paper",
        "generic",
        [
            Step("sudo apt-get install -y -qq texlive-latex-extra latexmk > /dev/null"),
            Step(
                "latexmk -pdf -interaction=nonstopmode -halt-on-error paper.tex",
                f"""Rc files read:
  NONE
Latexmk: This is Latexmk, John Collins, 7 Apr. 2021. Version 4.74b.
Latexmk: applying rule 'pdflatex'...
Rule 'pdflatex': The following rules & subrules became out-of-date:
      'pdflatex'
------------
Run number 1 of rule 'pdflatex'
------------
Running 'pdflatex  -interaction=nonstopmode -halt-on-error -recorder  "paper.tex"'
This is pdfTeX, Version 3.14159265-2.6-1.40.20 (TeX Live 2019/Debian) (preloaded format=pdflatex)
 restricted \\write18 enabled.
entering extended mode
(./paper.tex
LaTeX2e <2020-02-02> patch level 2
(/usr/share/texlive/texmf-dist/tex/latex/base/article.cls
Document Class: article 2019/12/20 v1.4l Standard LaTeX document class
(/usr/share/texlive/texmf-dist/tex/latex/base/size10.clo))
(/usr/share/texlive/texmf-dist/tex/latex/graphics/graphicx.sty
LaTeX Warning: Reference `fig:arch' on page 2 undefined on input line 61.

LaTeX Warning: Citation `lamport1978' on page 2 undefined on input line 64.

Overfull \\hbox (12.3pt too wide) in paragraph at lines 70--74
[]\\OT1/cmr/m/n/10 The scheduler keeps a per-core run-queue of
{MARK}! Undefined control sequence.
{MARK}l.88   \\includegraphcs
{MARK}                      [width=\\linewidth]{{figures/arch.pdf}}
{MARK}No pages of output.
{MARK}Transcript written on paper.log.
{MARK}Latexmk: Errors, so I did not complete making targets
Collected error summary (may duplicate other messages):
  pdflatex: Command for 'pdflatex' gave return code 1
      Refer to 'paper.log' for details""",
                code=12,
                name="script.1",
            ),
        ],
        cache="/home/travis/.texlive",
    ),
    "! Undefined control sequence.",
    "latexmk: LaTeX warnings (undefined reference, citation, overfull box) above the real error, a misspelt macro",
)

case(
    "ai-hugo-template-field-gitlab",
    "compile.error",
    "medium",
    gitlab(
        "acme/website",
        "hugomods/hugo:exts-0.125.4",
        [
            Step("hugo version", "hugo v0.125.4-cc3574ef4f41fccbe88d9443ed066eb10867ada2+extended linux/amd64"),
            Step(
                "hugo --minify --gc",
                f"""Start building sites …
hugo v0.125.4-cc3574ef4f41fccbe88d9443ed066eb10867ada2+extended linux/amd64 BuildDate=2024-04-25T13:27:26Z VendorInfo=gohugoio

WARN  found no layout file for "json" for kind "home": You should create a template file which matches Hugo Layouts Lookup Rules for this combination.
{MARK}ERROR render of "page" failed: "/builds/acme/website/layouts/_default/single.html:14:23": execute of template failed: template: _default/single.html:14:23: executing "main" at <.Params.author.name>: can't evaluate field name in type string
{MARK}Total in 412 ms
{MARK}Error: error building site: render: failed to render pages: render of "page" failed: "/builds/acme/website/layouts/_default/single.html:14:23": execute of template failed: template: _default/single.html:14:23: executing "main" at <.Params.author.name>: can't evaluate field name in type string""",
                code=1,
            ),
        ],
    ),
    "Error: error building site: render: failed to render pages",
    "hugo: a template reads a field of a string front-matter value; a layout WARN above it",
)

case(
    "ai-jekyll-liquid-syntax-gha",
    "syntax.error",
    "medium",
    gha(
        "acme/blog",
        "build",
        [
            Step(
                "",
                uses="ruby/setup-ruby@v1",
                with_={"ruby-version": "3.2", "bundler-cache": "true"},
                out="Using Bundler 2.5.9 from Gemfile.lock BUNDLED WITH 2.5.9\n[command]/opt/hostedtoolcache/Ruby/3.2.4/x64/bin/bundle install --jobs 4\nBundle complete! 9 Gemfile dependencies, 41 gems now installed.",
            ),
            Step(
                "bundle exec jekyll build --strict_front_matter",
                f"""Configuration file: /home/runner/work/blog/blog/_config.yml
            Source: /home/runner/work/blog/blog
       Destination: /home/runner/work/blog/blog/_site
 Incremental build: disabled. Enable with --incremental
      Generating...
       Jekyll Feed: Generating feed for posts
{MARK}  Liquid Exception: Liquid syntax error (line 23): 'endfor' is not a valid delimiter for if tags. use endif in _layouts/post.html
{MARK}             ------------------------------------------------
{MARK}      Jekyll 4.3.3   Please append `--trace` to the `build` command
{MARK}                     for any additional information or backtrace.
{MARK}             ------------------------------------------------
/opt/hostedtoolcache/Ruby/3.2.4/x64/lib/ruby/gems/3.2.0/gems/liquid-4.0.4/lib/liquid/block.rb:62:in `block_delimiter_mismatch': Liquid syntax error (line 23): 'endfor' is not a valid delimiter for if tags. use endif (Liquid::SyntaxError)""",
                code=1,
            ),
        ],
        actions=("ruby/setup-ruby@v1",),
    ),
    "Liquid Exception: Liquid syntax error (line 23): 'endfor' is not a valid delimiter for if tags. use endif in _layouts/post.html",
    "jekyll: a layout's Liquid template cannot be parsed (a mismatched block tag)",
)

case(
    "ai-doxygen-warn-as-error-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/libgeo",
        "libgeo-docs",
        [
            Step(
                "cmake -S . -B build -DBUILD_DOCS=ON",
                '-- The C compiler identification is GNU 12.2.0\n-- Found Doxygen: /usr/bin/doxygen (found version "1.9.4") found components: doxygen dot\n-- Configuring done\n-- Generating done\n-- Build files have been written to: /var/lib/jenkins/workspace/libgeo-docs/build',
                name="Configure",
            ),
            Step(
                "doxygen docs/Doxyfile",
                f"""Searching for include files...
Searching for files in directory /var/lib/jenkins/workspace/libgeo-docs/include
Reading and parsing tag files
Parsing files
Preprocessing /var/lib/jenkins/workspace/libgeo-docs/include/geo/polygon.h...
Parsing file /var/lib/jenkins/workspace/libgeo-docs/include/geo/polygon.h...
Preprocessing /var/lib/jenkins/workspace/libgeo-docs/include/geo/point.h...
Parsing file /var/lib/jenkins/workspace/libgeo-docs/include/geo/point.h...
Building macro definition list...
Building group list...
Building namespace list...
Building file list...
{MARK}/var/lib/jenkins/workspace/libgeo-docs/include/geo/polygon.h:42: warning: argument 'tolerance' of command @param is not found in the argument list of geo::Polygon::simplify(double eps)
{MARK}/var/lib/jenkins/workspace/libgeo-docs/include/geo/polygon.h:44: warning: The following parameter of geo::Polygon::simplify(double eps) is not documented:
{MARK}  parameter 'eps'
Exiting...""",
                code=1,
                name="Docs",
            ),
        ],
    ),
    "polygon.h:42: warning: argument 'tolerance' of command @param is not found in the argument list",
    "doxygen with WARN_AS_ERROR=FAIL_ON_WARNINGS: the warnings are the failure",
)

case(
    "ai-documenter-missing-docs-gha",
    "lint.error",
    "medium",
    gha(
        "acme/Geodesy.jl",
        "Documentation",
        [
            Step(
                "",
                uses="julia-actions/setup-julia@v2",
                with_={"version": "1.10"},
                out="Installed Julia v1.10.3\nAdded julia to the path",
            ),
            Step(
                "julia --project=docs -e 'using Pkg; Pkg.develop(PackageSpec(path=pwd())); Pkg.instantiate()'",
                "  Activating project at `~/work/Geodesy.jl/Geodesy.jl/docs`\n    Resolving package versions...\n   Installed Documenter ─ v1.4.1\n  No Changes to `~/work/Geodesy.jl/Geodesy.jl/docs/Manifest.toml`",
            ),
            Step(
                "julia --project=docs docs/make.jl",
                f"""[ Info: SetupBuildDirectory: setting up build directory.
[ Info: Doctest: running doctests.
[ Info: ExpandTemplates: expanding markdown templates.
[ Info: CrossReferences: building cross-references.
[ Info: CheckDocument: running document checks.
{MARK}┌ Error: 2 docstrings not included in the manual:
{MARK}│
{MARK}│     Geodesy.haversine :: Tuple{{LatLon, LatLon}}
{MARK}│     Geodesy.ECEF
{MARK}│
{MARK}│ These are docstrings in the checked modules (configured with the modules keyword)
{MARK}│ that are not included in canonical @docs or @autodocs blocks.
{MARK}└ @ Documenter ~/.julia/packages/Documenter/qoyeC/src/utilities/utilities.jl:44
[ Info: Populate: populating indices.
ERROR: LoadError: `makedocs` encountered an error [:missing_docs] -- terminating build before rendering.
Stacktrace:
 [1] error(s::String)
   @ Base ./error.jl:35
 [2] runner(::Type{{Documenter.Builder.RenderDocument}}, doc::Documenter.Document)
   @ Documenter ~/.julia/packages/Documenter/qoyeC/src/builder_pipeline.jl:253
in expression starting at /home/runner/work/Geodesy.jl/Geodesy.jl/docs/make.jl:5""",
                code=1,
            ),
        ],
        actions=("julia-actions/setup-julia@v2",),
    ),
    "┌ Error: 2 docstrings not included in the manual:",
    "Documenter's missing_docs check: public docstrings the manual leaves out; the LoadError is its consequence",
)

# ---------------------------------------------------------------- data, migrations, infrastructure CLIs

case(
    "ai-dbt-unique-test-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/warehouse",
        "ghcr.io/dbt-labs/dbt-postgres:1.7.4",
        [
            Step(
                "dbt deps",
                "12:01:00  Running with dbt=1.7.4\n12:01:01  Installing dbt-labs/dbt_utils\n12:01:01  Installed from version 1.1.1",
            ),
            Step(
                "dbt test --target ci",
                f"""12:01:02  Running with dbt=1.7.4
12:01:03  Registered adapter: postgres=1.7.4
12:01:03  Found 12 models, 30 data tests, 4 sources, 0 exposures, 0 metrics, 512 macros, 0 groups, 0 semantic models
12:01:03
12:01:04  Concurrency: 4 threads (target='ci')
12:01:04
12:01:04  1 of 4 START test not_null_orders_order_id ..................................... [RUN]
12:01:04  2 of 4 START test unique_customers_customer_id ................................. [RUN]
12:01:04  3 of 4 START test relationships_orders_customer_id__customer_id__ref_customers_ [RUN]
12:01:04  4 of 4 START test accepted_values_orders_status__placed__shipped__returned ..... [RUN]
12:01:05  1 of 4 PASS not_null_orders_order_id ........................................... [PASS in 0.41s]
12:01:05  2 of 4 FAIL 3 unique_customers_customer_id ..................................... [FAIL 3 in 0.38s]
12:01:05  3 of 4 PASS relationships_orders_customer_id__customer_id__ref_customers_ ...... [PASS in 0.44s]
12:01:05  4 of 4 PASS accepted_values_orders_status__placed__shipped__returned ........... [PASS in 0.39s]
12:01:05
12:01:05  Finished running 4 data tests in 0 hours 0 minutes and 2.31 seconds (2.31s).
12:01:05
{MARK}12:01:05  Completed with 1 error and 0 warnings:
{MARK}12:01:05
{MARK}12:01:05  Failure in test unique_customers_customer_id (models/marts/schema.yml)
{MARK}12:01:05    Got 3 results, configured to fail if != 0
{MARK}12:01:05
{MARK}12:01:05    compiled Code at target/compiled/warehouse/models/marts/schema.yml/unique_customers_customer_id.sql
{MARK}12:01:05
{MARK}12:01:05  Done. PASS=3 WARN=0 ERROR=1 SKIP=0 TOTAL=4""",
                code=1,
            ),
        ],
    ),
    "Failure in test unique_customers_customer_id (models/marts/schema.yml)",
    "dbt: a data test (unique) returns 3 duplicate rows",
)

case(
    "ai-alembic-check-gha",
    "lint.error",
    "medium",
    gha(
        "acme/billing",
        "migrations (py)",
        [
            setup_python(),
            Step("pip install -e .[dev]", pip_install(PY_PACKAGES, target="-e .[dev]")),
            Step(
                "alembic upgrade head && alembic check",
                f"""INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
INFO  [alembic.runtime.migration] Will assume transactional DDL.
INFO  [alembic.runtime.migration] Running upgrade  -> 3f2a1b0c9d8e, create invoices
INFO  [alembic.runtime.migration] Running upgrade 3f2a1b0c9d8e -> 7c6d5e4f3a2b, add invoice status
INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
INFO  [alembic.runtime.migration] Will assume transactional DDL.
INFO  [alembic.autogenerate.compare] Detected added column 'invoices.paid_at'
{MARK}ERROR [alembic.util.messaging] New upgrade operations detected: [('add_column', None, 'invoices', Column('paid_at', DateTime(timezone=True), table=<invoices>))]
{MARK}  FAILED: New upgrade operations detected: [('add_column', None, 'invoices', Column('paid_at', DateTime(timezone=True), table=<invoices>))]""",
                code=255,
            ),
        ],
        actions=("actions/setup-python@v5",),
    ),
    "FAILED: New upgrade operations detected",
    "alembic check: the models changed without a migration (a freshness check, as a stale generated file)",
)

case(
    "ai-pulumi-no-token-gha",
    "credentials",
    "high",
    gha(
        "acme/infra",
        "preview",
        [
            setup_node(),
            Step("npm ci", npm_ci(412)),
            Step(
                "",
                uses="pulumi/actions@v5",
                with_={"command": "preview", "stack-name": "acme/infra/staging", "comment-on-pr": "true"},
                out=f"""Configured range: ^3
Matched version: v3.116.1
Installing Pulumi v3.116.1
[command]/home/runner/.pulumi/bin/pulumi version
v3.116.1
Pulumi version 3.116.1 is already installed on this machine. Skipping download
Running 'pulumi preview' on stack acme/infra/staging
[command]/home/runner/.pulumi/bin/pulumi stack select acme/infra/staging --non-interactive
{MARK}error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions""",
                code=1,
                error="##[error]Command failed with exit code 255: pulumi stack select acme/infra/staging --non-interactive",
            ),
        ],
        actions=("actions/setup-node@v4", "pulumi/actions@v5"),
    ),
    "error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions",
    "pulumi: the access token secret is not passed to the step (a fork's PR)",
)

case(
    "ai-kustomize-missing-resource-gitlab",
    "file.not.found",
    "medium",
    gitlab(
        "acme/deploy",
        "registry.k8s.io/kustomize/kustomize:v5.4.1",
        [
            Step(
                "kustomize build overlays/prod > /tmp/prod.yaml",
                f"""{MARK}Error: accumulating resources: accumulation err='accumulating resources from 'worker-deployment.yaml': open /builds/acme/deploy/overlays/prod/worker-deployment.yaml: no such file or directory': must build at directory: '/builds/acme/deploy/overlays/prod/worker-deployment.yaml': file is not directory""",
                code=1,
            ),
        ],
    ),
    "open /builds/acme/deploy/overlays/prod/worker-deployment.yaml: no such file or directory",
    "kustomize: kustomization.yaml lists a resource file that was renamed",
)

case(
    "ai-kubeconform-helm-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/charts",
        "charts-validate",
        [
            Step(
                "helm dependency build charts/web",
                "Saving 1 charts\nDownloading redis from repo https://charts.bitnami.com/bitnami\nDeleting outdated charts",
                name="Deps",
            ),
            Step(
                "helm template web charts/web -f charts/web/values-prod.yaml | kubeconform -strict -summary -kubernetes-version 1.29.0",
                f"""{MARK}stdin - Deployment web is invalid: problem validating schema. Check JSON formatting: jsonschema validation failed with 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.29.0-standalone-strict/deployment-apps-v1.json#' - at '/spec/template/spec/containers/0/ports/0/containerPort': got string, want integer
{MARK}stdin - Service web-metrics is invalid: problem validating schema. Check JSON formatting: jsonschema validation failed with 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.29.0-standalone-strict/service-v1.json#' - at '/spec': additional properties 'selectors' not allowed
{MARK}Summary: 9 resources found parsing stdin - Valid: 7, Invalid: 2, Errors: 0, Skipped: 0""",
                code=1,
                name="Validate",
            ),
        ],
    ),
    "stdin - Deployment web is invalid: problem validating schema.",
    "kubeconform on helm template's output: two manifests fail the strict schema",
)

# ---------------------------------------------------------------- .NET F#, R, Julia, Perl, Clojure, Scala, Erlang

case(
    "ai-fantomas-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/FsParsec",
        "format",
        [
            Step(
                "",
                uses="actions/setup-dotnet@v4",
                with_={"dotnet-version": "8.0.x"},
                out="dotnet-install: .NET Core SDK with version '8.0.300' is already installed.",
            ),
            Step(
                "dotnet tool restore",
                "Tool 'fantomas' (version '6.3.4') was restored. Available commands: fantomas\n\nRestore was successful.",
            ),
            Step(
                "dotnet fantomas --check src tests",
                f"""{MARK}The following files aren't formatted properly:
{MARK}- /home/runner/work/FsParsec/FsParsec/src/FsParsec/Combinators.fs
{MARK}- /home/runner/work/FsParsec/FsParsec/tests/FsParsec.Tests/PrimitiveTests.fs""",
                code=99,
            ),
        ],
        actions=("actions/setup-dotnet@v4",),
    ),
    "The following files aren't formatted properly:",
    "fantomas --check (a dotnet local tool): two F# files need formatting",
)

case(
    "ai-lintr-package-gha",
    "lint.error",
    "high",
    gha(
        "acme/tidyclim",
        "lint",
        [
            Step(
                "",
                uses="r-lib/actions/setup-r@v2",
                with_={"use-public-rspm": "true"},
                out="Successfully set up R 4.4.0",
            ),
            Step(
                "",
                uses="r-lib/actions/setup-r-dependencies@v2",
                with_={"extra-packages": "any::lintr, local::."},
                out="✔ Installed lintr 3.1.2  (412ms)\n✔ Installed tidyclim 0.3.0.9000 (local)",
            ),
            Step(
                "Rscript -e 'lintr::lint_package()'",
                f"""{MARK}R/anomaly.R:14:3: style: [object_name_linter] Variable and function name style should match snake_case or symbols.
{MARK}  baseLine <- mean(x[ref])
{MARK}  ^~~~~~~~
{MARK}R/anomaly.R:27:81: style: [line_length_linter] Lines should not be more than 80 characters. This line is 94 characters.
{MARK}  stop("reference period must lie inside the series (got ", start, " to ", end, ")", call. = FALSE)
{MARK}                                                                                ^~~~~~~~~~~~~~
{MARK}R/io.R:8:10: warning: [object_usage_linter] no visible binding for global variable 'station_id'
{MARK}  dplyr::filter(data, station_id %in% keep)
{MARK}         ^~~~~~~~~~""",
                code=31,
            ),
        ],
        actions=("r-lib/actions/setup-r@v2", "r-lib/actions/setup-r-dependencies@v2"),
    ),
    "R/anomaly.R:14:3: style: [object_name_linter] Variable and function name style should match snake_case",
    "lintr with LINTR_ERROR_ON_LINT=true: style and warning lints fail the step",
)

case(
    "ai-cpanm-dep-build-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/Mojo-Feed",
        "perl 5.38",
        [
            Step(
                "",
                uses="shogo82148/actions-setup-perl@v1",
                with_={"perl-version": "5.38"},
                out="Installing Perl 5.38.2\nAdded perl to the path",
            ),
            Step(
                "cpanm --installdeps --notest .",
                f"""--> Working on .
Configuring Mojo-Feed-0.21 ... OK
==> Found dependencies: XML::LibXML, Mojolicious, HTML::Strip
--> Working on XML::LibXML
Fetching http://www.cpan.org/authors/id/S/SH/SHLOMIF/XML-LibXML-2.0210.tar.gz ... OK
==> Found dependencies: Alien::Libxml2
--> Working on Alien::Libxml2
Fetching http://www.cpan.org/authors/id/P/PL/PLICEASE/Alien-Libxml2-0.19.tar.gz ... OK
Configuring Alien-Libxml2-0.19 ... OK
Building Alien-Libxml2-0.19 ... OK
Successfully installed Alien-Libxml2-0.19
Configuring XML-LibXML-2.0210 ... OK
{MARK}Building XML-LibXML-2.0210 ... FAIL
{MARK}! Installing XML::LibXML failed. See /home/runner/.cpanm/work/1714651234.2211/build.log for details. Retry with --force to force install it.
--> Working on Mojolicious
Fetching http://www.cpan.org/authors/id/S/SR/SRI/Mojolicious-9.36.tar.gz ... OK
Configuring Mojolicious-9.36 ... OK
Building Mojolicious-9.36 ... OK
Successfully installed Mojolicious-9.36
--> Working on HTML::Strip
Fetching http://www.cpan.org/authors/id/K/KI/KILINRAX/HTML-Strip-2.10.tar.gz ... OK
Configuring HTML-Strip-2.10 ... OK
Building HTML-Strip-2.10 ... OK
Successfully installed HTML-Strip-2.10
! Installing the dependencies failed: Module 'XML::LibXML' is not installed
! Bailing out the installation for ./.
3 distributions installed""",
                code=1,
            ),
        ],
        actions=("shogo82148/actions-setup-perl@v1",),
    ),
    "! Installing XML::LibXML failed.",
    "cpanm: a dependency's build failed; 'Module is not installed' further down is its consequence",
)

case(
    "ai-lein-deps-artifact-travis",
    "dependency.missing",
    "high",
    travis(
        "acme/kvstore-clj",
        "clojure",
        [
            Step(
                "lein deps",
                f"""Retrieving org/clojure/clojure/1.11.3/clojure-1.11.3.pom from central
Retrieving org/clojure/core.async/1.6.681/core.async-1.6.681.pom from central
Retrieving http-kit/http-kit/2.8.0/http-kit-2.8.0.pom from clojars
{MARK}Could not find artifact com.acme:kv-codec:jar:0.4.2 in central (https://repo1.maven.org/maven2/)
{MARK}Could not find artifact com.acme:kv-codec:jar:0.4.2 in clojars (https://repo.clojars.org/)
{MARK}This could be due to a typo in :dependencies, file system permissions, or network issues.
{MARK}If you are behind a proxy, try setting the 'http_proxy' environment variable.""",
                code=1,
                name="install",
            ),
        ],
        cache="/home/travis/.m2",
    ),
    "Could not find artifact com.acme:kv-codec:jar:0.4.2 in central (https://repo1.maven.org/maven2/)",
    "lein: an unpublished artifact; Leiningen's own hint names network issues, which are not the cause",
)

case(
    "ai-sbt-scalafix-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/streams",
        "lint",
        [
            Step("", uses="sbt/setup-sbt@v1", out="Installed sbt 1.10.0"),
            Step(
                'sbt "scalafixAll --check"',
                f"""[info] welcome to sbt 1.10.0 (Eclipse Adoptium Java 17.0.11)
[info] loading settings for project streams-build from plugins.sbt ...
[info] loading project definition from /home/runner/work/streams/streams/project
[info] loading settings for project root from build.sbt ...
[info] set current project to streams (in build file:/home/runner/work/streams/streams/)
[info] compiling 42 Scala sources to /home/runner/work/streams/streams/core/target/scala-2.13/classes ...
[warn] 1 deprecation (since 2.13.0); re-run with -deprecation for details
[warn] one warning found
{MARK}[error] --- /home/runner/work/streams/streams/core/src/main/scala/acme/streams/Window.scala
{MARK}[error] +++ <expected fix>
{MARK}[error] @@ -1,6 +1,5 @@
{MARK}[error]  package acme.streams
{MARK}[error]
{MARK}[error] -import scala.collection.mutable
{MARK}[error]  import scala.concurrent.duration._
{MARK}[error]
{MARK}[error]  final case class Window(size: FiniteDuration)
{MARK}[error] (core / Compile / scalafix) scalafix.sbt.ScalafixFailed: TestError
[error] Total time: 38 s, completed May 2, 2024, 2:04:51 PM""",
                code=1,
            ),
        ],
        actions=("sbt/setup-sbt@v1",),
    ),
    "(core / Compile / scalafix) scalafix.sbt.ScalafixFailed: TestError",
    "scalafix --check: an unused import rule's expected fix; the compile's [warn] lines above are not it",
)

case(
    "ai-rebar3-ct-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/ledger-erl",
        "ledger-erl",
        [
            Step(
                "rebar3 compile",
                "===> Verifying dependencies...\n===> Analyzing applications...\n===> Compiling ledger",
                name="Build",
            ),
            Step(
                "rebar3 ct --readable=true",
                f"""===> Verifying dependencies...
===> Analyzing applications...
===> Compiling ledger
===> Running Common Test suites...
%%% ledger_SUITE: ..
{MARK}%%% ledger_SUITE ==> transfer_rejects_overdraft: FAILED
{MARK}%%% ledger_SUITE ==>
{MARK}Failure/Error: ?assertEqual({{error,insufficient_funds}}, {{ok,-40}})
{MARK}  expected: {{error,insufficient_funds}}
{MARK}       got: {{ok,-40}}
{MARK}      line: 57
{MARK}
{MARK}%%% ledger_SUITE: .
{MARK}%%% ledger_store_SUITE: ....
{MARK}EXPERIMENTAL: Writing retry specification at /var/lib/jenkins/workspace/ledger-erl/_build/test/logs/retry.spec
{MARK}              call rebar3 ct with '--retry' to re-run failing cases.
{MARK}Failed 1 tests. Passed 7 tests.
Results written to "/var/lib/jenkins/workspace/ledger-erl/_build/test/logs/index.html".
===> Failures occurred running tests: 1""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "%%% ledger_SUITE ==> transfer_rejects_overdraft: FAILED",
    "rebar3 ct (Common Test, readable output): one failing case",
)

# ---------------------------------------------------------------- Elixir, Haskell, OCaml, Zig, Crystal

case(
    "ai-mix-test-trace-named-gha",
    "test.failure",
    "high",
    gha(
        "acme/relay",
        "test (elixir 1.16)",
        [
            Step(
                "",
                uses="erlef/setup-beam@v1",
                with_={"elixir-version": "1.16", "otp-version": "26"},
                out="Installing Erlang/OTP 26.2.5\nInstalling Elixir 1.16.2-otp-26",
            ),
            Step(
                "mix deps.get",
                "Resolving Hex dependencies...\nResolution completed in 0.112s\nAll dependencies are up to date",
            ),
            Step(
                "mix test --trace",
                f"""Running ExUnit with seed: 412387, max_cases: 1

Relay.UpstreamTest [test/relay/upstream_test.exs]
  * test returns {{:error, :econnrefused}} when the upstream is down (3.1ms) [L#14]
  * test gives up after a timeout of 50ms (52.4ms) [L#22]
  * test retries on :closed before failing (11.2ms) [L#31]

Relay.RouterTest [test/relay/router_test.exs]
  * test routes /health to the health plug (0.4ms) [L#8]
  * test rejects requests without a host header (0.6ms) [L#15]
  * test strips hop-by-hop headers (1.1ms) [L#24]

{MARK}  1) test strips hop-by-hop headers (Relay.RouterTest)
{MARK}     test/relay/router_test.exs:24
{MARK}     Assertion with == failed
{MARK}     code:  assert get_req_header(conn, "connection") == []
{MARK}     left:  ["keep-alive"]
{MARK}     right: []
{MARK}     stacktrace:
{MARK}       test/relay/router_test.exs:29: (test)
{MARK}
{MARK}  * test forwards the request id (0.3ms) [L#33]
{MARK}
{MARK}
{MARK}Finished in 0.2 seconds (0.00s async, 0.2s sync)
{MARK}7 tests, 1 failure""",
                code=2,
            ),
        ],
        actions=("erlef/setup-beam@v1",),
    ),
    "1) test strips hop-by-hop headers (Relay.RouterTest)",
    "mix test --trace: passing tests named for econnrefused and a timeout above one assertion failure",
)

case(
    "ai-sobelow-gha",
    "lint.error",
    "high",
    gha(
        "acme/shopfront",
        "security",
        [
            Step(
                "",
                uses="erlef/setup-beam@v1",
                with_={"elixir-version": "1.16", "otp-version": "26"},
                out="Installing Elixir 1.16.2-otp-26",
            ),
            Step(
                "mix sobelow --config --exit low",
                f"""##############################################
#                                            #
#          Running Sobelow - v0.13.0         #
#  Created by Griffin Byatt - @griffinbyatt  #
#     NCC Group - https://nccgroup.trust     #
#                                            #
##############################################

{MARK}SQL.Query: SQL injection - High Confidence
{MARK}File: lib/shopfront/catalog.ex
{MARK}Line: 41
{MARK}Function: search:38
{MARK}Variable: sql
{MARK}
{MARK}-----------------------------------------------
{MARK}
{MARK}XSS.Raw: XSS - Medium Confidence
{MARK}File: lib/shopfront_web/controllers/page_html/show.html.heex
{MARK}Line: 12
{MARK}Variable: raw
{MARK}
{MARK}-----------------------------------------------""",
                code=1,
            ),
        ],
        actions=("erlef/setup-beam@v1",),
    ),
    "SQL.Query: SQL injection - High Confidence",
    "sobelow --exit low: two security findings (a checker: lint)",
)

case(
    "ai-cabal-warnings-then-error-gha",
    "compile.error",
    "high",
    gha(
        "acme/hquery",
        "ghc 9.6",
        [
            Step(
                "",
                uses="haskell-actions/setup@v2",
                with_={"ghc-version": "9.6.5"},
                out="Installed ghc 9.6.5\nInstalled cabal 3.10.3.0",
            ),
            Step(
                "cabal build all --enable-tests",
                f"""Resolving dependencies...
Build profile: -w ghc-9.6.5 -O1
In order, the following will be built (use -v for more details):
 - hquery-0.2.0 (lib) (first run)
 - hquery-0.2.0 (test:spec) (first run)
Configuring library for hquery-0.2.0..
Preprocessing library for hquery-0.2.0..
Building library for hquery-0.2.0..
[1 of 4] Compiling HQuery.Types     ( src/HQuery/Types.hs, dist-newstyle/build/x86_64-linux/ghc-9.6.5/hquery-0.2.0/build/HQuery/Types.o )
[2 of 4] Compiling HQuery.Lexer     ( src/HQuery/Lexer.hs, dist-newstyle/build/x86_64-linux/ghc-9.6.5/hquery-0.2.0/build/HQuery/Lexer.o )

src/HQuery/Lexer.hs:9:1: warning: [GHC-66111] [-Wunused-imports]
    The import of ‘Data.Maybe’ is redundant
      except perhaps to import instances from ‘Data.Maybe’
    To import instances alone, use: import Data.Maybe()
  |
9 | import Data.Maybe (fromMaybe)
  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

src/HQuery/Lexer.hs:31:5: warning: [GHC-40910] [-Wunused-local-binds]
    Defined but not used: ‘peek’
   |
31 |     peek = take 1
   |     ^^^^
[3 of 4] Compiling HQuery.Parser    ( src/HQuery/Parser.hs, dist-newstyle/build/x86_64-linux/ghc-9.6.5/hquery-0.2.0/build/HQuery/Parser.o )

{MARK}src/HQuery/Parser.hs:47:22: error: [GHC-83865]
{MARK}    • Couldn't match expected type ‘Text’ with actual type ‘String’
{MARK}    • In the first argument of ‘Field’, namely ‘name’
{MARK}      In the expression: Field name
{MARK}      In an equation for ‘field’: field = Field name
{MARK}   |
{MARK}47 | field = Field name
{MARK}   |               ^^^^
Error: [Cabal-7125]
Failed to build hquery-0.2.0 (which is required by test:spec from hquery-0.2.0).""",
                code=1,
            ),
        ],
        actions=("haskell-actions/setup@v2",),
    ),
    "src/HQuery/Parser.hs:47:22: error: [GHC-83865]",
    "cabal build: GHC warnings (with code frames) above the one type error",
)

case(
    "ai-dune-warning-error-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/ocaml-csv",
        "ocaml/opam:ubuntu-22.04-ocaml-5.1",
        [
            Step(
                "opam install . --deps-only --with-test -y",
                "[NOTE] Package csvkit is already installed (current version is 0.3.0).\nNothing to do.",
            ),
            Step(
                "opam exec -- dune build @install @runtest",
                f"""{MARK}File "lib/reader.ml", line 18, characters 4-15:
{MARK}18 | let unquote_all s = List.map unquote s
{MARK}         ^^^^^^^^^^^
{MARK}Error (warning 32 [unused-value-declaration]): unused value unquote_all.""",
                code=1,
            ),
        ],
    ),
    "Error (warning 32 [unused-value-declaration]): unused value unquote_all.",
    "dune's dev profile makes warnings errors: an unused value stops the build",
)

case(
    "ai-zig-build-const-gha",
    "compile.error",
    "high",
    gha(
        "acme/zlog",
        "build",
        [
            Step("", uses="mlugg/setup-zig@v1", with_={"version": "0.13.0"}, out="Installed Zig 0.13.0"),
            Step(
                "zig build -Doptimize=ReleaseSafe",
                f"""install
└─ install zlog
   └─ zig build-exe zlog ReleaseSafe native 1 errors
{MARK}src/ring.zig:41:13: error: local variable is never mutated
{MARK}        var head: usize = self.head;
{MARK}            ^~~~
{MARK}src/ring.zig:41:13: note: consider using 'const'
error: the following command failed with 1 compilation errors:
/opt/hostedtoolcache/zig/0.13.0/x64/zig build-exe -OReleaseSafe -Mroot=/home/runner/work/zlog/zlog/src/main.zig --cache-dir /home/runner/work/zlog/zlog/.zig-cache --global-cache-dir /home/runner/.cache/zig --name zlog --listen=-
Build Summary: 0/3 steps succeeded; 1 failed (disable with --summary none)
install transitive failure
└─ install zlog transitive failure
   └─ zig build-exe zlog ReleaseSafe native 1 errors
error: the following build command failed with exit code 1:
/home/runner/work/zlog/zlog/.zig-cache/o/4e1f2a3b/build /opt/hostedtoolcache/zig/0.13.0/x64/zig /home/runner/work/zlog/zlog /home/runner/work/zlog/zlog/.zig-cache /home/runner/.cache/zig --seed 0x1a2b3c4d -Z5e6f7a8b9c0d1e2f -Doptimize=ReleaseSafe""",
                code=1,
            ),
        ],
        actions=("mlugg/setup-zig@v1",),
    ),
    "src/ring.zig:41:13: error: local variable is never mutated",
    "zig build: one compile error; the build runner's failed-command lines after it are its consequence",
)

case(
    "ai-crystal-build-undefined-travis",
    "compile.error",
    "high",
    travis(
        "acme/kemal-notes",
        "crystal",
        [
            Step(
                "shards install",
                "Resolving dependencies\nFetching https://github.com/kemalcr/kemal.git\nInstalling kemal (1.5.0)\nInstalling radix (0.4.1)",
            ),
            Step(
                "crystal build --no-codegen src/notes.cr",
                f"""Showing last frame. Use --error-trace for full trace.

{MARK}In src/notes/store.cr:22:12
{MARK}
{MARK} 22 | @notes.fetch_all(limit)
{MARK}            ^--------
{MARK}Error: undefined method 'fetch_all' for Array(Note)""",
                code=1,
                name="script.1",
            ),
        ],
        cache="/home/travis/.cache/shards",
    ),
    "Error: undefined method 'fetch_all' for Array(Note)",
    "crystal build --no-codegen (a type check): an undefined method, its location above",
)

# ---------------------------------------------------------------- Dart, Flutter, Lua

case(
    "ai-dart-analyze-infos-gha",
    "lint.error",
    "high",
    gha(
        "acme/dart_geo",
        "analyze",
        [
            Step("", uses="dart-lang/setup-dart@v1", with_={"sdk": "3.4"}, out="Installed Dart SDK 3.4.0"),
            Step("dart pub get", "Resolving dependencies...\nGot dependencies!"),
            Step(
                "dart analyze --fatal-infos",
                f"""Analyzing dart_geo...

{MARK}   info - lib/src/bbox.dart:3:8 - Unused import: 'dart:math'. Try removing the import directive. - unused_import
{MARK}   info - lib/src/point.dart:27:3 - Missing type annotation on a public API. Try adding a type annotation. - type_annotate_public_apis
{MARK}
{MARK}2 issues found.""",
                code=1,
            ),
        ],
        actions=("dart-lang/setup-dart@v1",),
    ),
    "2 issues found.",
    "dart analyze --fatal-infos: two info-level issues fail the check",
)

case(
    "ai-flutter-test-named-socket-gha",
    "test.failure",
    "high",
    gha(
        "acme/weather_app",
        "test",
        [
            Step(
                "",
                uses="subosito/flutter-action@v2",
                with_={"channel": "stable"},
                out="Flutter 3.22.0 • channel stable",
            ),
            Step("flutter pub get", "Resolving dependencies...\nGot dependencies!"),
            Step(
                "flutter test --reporter expanded",
                f"""00:01 +0: loading /home/runner/work/weather_app/weather_app/test/api_test.dart
00:02 +0: /home/runner/work/weather_app/weather_app/test/api_test.dart: ForecastApi throws SocketException when offline
00:02 +1: /home/runner/work/weather_app/weather_app/test/api_test.dart: ForecastApi maps a 503 to ServiceUnavailable
00:02 +2: /home/runner/work/weather_app/weather_app/test/api_test.dart: ForecastApi times out after 10 seconds
00:03 +3: /home/runner/work/weather_app/weather_app/test/widget_test.dart: ForecastCard shows the temperature in Celsius
{MARK}00:03 +3 -1: /home/runner/work/weather_app/weather_app/test/widget_test.dart: ForecastCard shows the temperature in Celsius [E]
{MARK}  Expected: exactly one matching candidate
{MARK}    Actual: _TextWidgetFinder:<Found 0 widgets with text "21 °C": []>
{MARK}     Which: means none were found but one was expected
{MARK}
{MARK}  package:matcher                                     expect
{MARK}  package:flutter_test/src/widget_tester.dart 474:18  expect
{MARK}  test/widget_test.dart 19:5                          main.<fn>.<fn>
{MARK}
{MARK}00:03 +3 -1: /home/runner/work/weather_app/weather_app/test/widget_test.dart: ForecastCard shows the wind in km/h
{MARK}00:04 +4 -1: Some tests failed.""",
                code=1,
            ),
        ],
        actions=("subosito/flutter-action@v2",),
    ),
    "ForecastCard shows the temperature in Celsius [E]",
    "flutter test: passing tests named for SocketException, a 503 and a timeout; one widget expectation fails",
)

case(
    "ai-busted-nil-index-gha",
    "test.failure",
    "high",
    gha(
        "acme/lua-lru",
        "test (lua 5.4)",
        [
            Step("", uses="leafo/gh-actions-lua@v10", with_={"luaVersion": "5.4"}, out="Installed Lua 5.4.6"),
            Step("", uses="leafo/gh-actions-luarocks@v4", out="Installed LuaRocks 3.11.0"),
            Step(
                "luarocks install busted",
                "Installing https://luarocks.org/busted-2.2.0-1.src.rock\nbusted 2.2.0-1 is now installed in /home/runner/work/lua-lru/lua-lru/.luarocks",
            ),
            Step(
                "busted --output=utfTerminal spec",
                f"""●●●●◼●
{MARK}5 successes / 0 failures / 1 error / 0 pending : 0.012 seconds
{MARK}
{MARK}Error → spec/lru_spec.lua @ 40
{MARK}lru evicts the least recently used entry
{MARK}src/lru.lua:33: attempt to index a nil value (field 'tail')
{MARK}
{MARK}stack traceback:
{MARK}	src/lru.lua:33: in function 'lru.evict'
{MARK}	src/lru.lua:58: in function 'lru.set'
{MARK}	spec/lru_spec.lua:44: in function <spec/lru_spec.lua:40>""",
                code=1,
            ),
        ],
        actions=("leafo/gh-actions-lua@v10", "leafo/gh-actions-luarocks@v4"),
    ),
    "src/lru.lua:33: attempt to index a nil value (field 'tail')",
    "busted: one spec errors on a nil index in the code under test (its tally first, then the error)",
)

# ---------------------------------------------------------------- hard shapes: noise, consequences, long blocks


def _gitlab_after_script() -> str:
    return """Running after_script
Running after script...
$ curl -sSf -o codecov https://uploader.codecov.io/v0.7.3/linux/codecov && chmod +x codecov && ./codecov -t "$CODECOV_TOKEN"
curl: (22) The requested URL returned error: 404
WARNING: after_script failed, but job will continue unaffected: exit code 22
Uploading artifacts for failed job
Uploading artifacts...
WARNING: reports/junit.xml: no matching files. Ensure that the artifact path is relative to the working directory (/builds/acme/geodata)
ERROR: No files to upload"""


case(
    "ai-pytest-gitlab-after-script",
    "test.failure",
    "high",
    gitlab(
        "acme/geodata",
        "python:3.12-slim",
        [
            Step("pip install -q -r requirements-dev.txt"),
            Step(
                "pytest -q tests",
                f"""........................................F.........                        [100%]
{MARK}=================================== FAILURES ===================================
{MARK}____________________________ test_reproject_bounds ____________________________
{MARK}
{MARK}    def test_reproject_bounds():
{MARK}        bounds = reproject((0, 0, 10, 10), src="EPSG:4326", dst="EPSG:3857")
{MARK}>       assert bounds[2] == pytest.approx(1113194.9, rel=1e-6)
{MARK}E       assert 1113194.9079327357 == 1113195.9 ± 1.1e+00
{MARK}
{MARK}tests/test_proj.py:31: AssertionError
{MARK}=========================== short test summary info ============================
{MARK}FAILED tests/test_proj.py::test_reproject_bounds - assert 1113194.9079327357 == 1113195.9 ± 1.1e+00
{MARK}1 failed, 49 passed in 3.12s
"""
                + _gitlab_after_script(),
                code=1,
            ),
        ],
    ),
    "FAILED tests/test_proj.py::test_reproject_bounds",
    "GitLab: pytest fails in script; after_script's curl 404 and the artifact upload's ERROR do not fail the job",
)

case(
    "ai-jest-then-codecov-gha",
    "test.failure",
    "high",
    gha(
        "acme/forms-kit",
        "test",
        [
            setup_node(),
            Step("npm ci", npm_ci(893)),
            Step(
                "npx jest --ci --coverage",
                f"""PASS src/validators/email.test.ts
PASS src/validators/phone.test.ts
{MARK}FAIL src/fields/DateField.test.tsx
{MARK}  ● DateField › formats the value in the user's locale
{MARK}
{MARK}    expect(received).toBe(expected) // Object.is equality
{MARK}
{MARK}    Expected: "02/05/2024"
{MARK}    Received: "2/5/2024"
{MARK}
{MARK}      17 |     render(<DateField value={{new Date(2024, 1, 5)}} locale="en-GB" />);
{MARK}      18 |     const input = screen.getByRole("textbox");
{MARK}    > 19 |     expect(input.value).toBe("02/05/2024");
{MARK}         |                         ^
{MARK}      20 |   }});
{MARK}
{MARK}      at Object.toBe (src/fields/DateField.test.tsx:19:25)
{MARK}
{MARK}Test Suites: 1 failed, 2 passed, 3 total
{MARK}Tests:       1 failed, 23 passed, 24 total
Snapshots:   0 total
Time:        4.812 s
Ran all test suites.
##[error]Process completed with exit code 1.""",
            ),
            Step(
                "",
                uses="codecov/codecov-action@v4",
                with_={"files": "coverage/lcov.info", "fail_ci_if_error": "true"},
                out="""==> linux OS detected
https://cli.codecov.io/latest/linux/codecov.SHA256SUM
==> SHASUM file signed by key id 806bb28aed779869
==> Uploader SHASUM verified (ff4d2f1b0c3e5d6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a  codecov)
==> Running version latest
info - 2024-05-02 14:04:12,115 -- ci service found: github-actions
info - 2024-05-02 14:04:12,402 -- Found 1 coverage files to report
error - 2024-05-02 14:04:13,020 -- Upload failed: {"message":"Token required because branch is protected"}""",
                code=1,
                error="##[error]Codecov: Failed to properly upload: The process '/home/runner/work/_actions/codecov/codecov-action/v4/dist/codecov' failed with exit code 1",
            ),
        ],
        actions=("actions/setup-node@v4", "codecov/codecov-action@v4"),
    ),
    "● DateField › formats the value in the user's locale",
    "jest fails; an if: always() Codecov upload after it fails too (a consequence of nothing, but not the cause)",
)

case(
    "ai-make-k-consequence-plain",
    "compile.error",
    "high",
    plain(
        f"""$ make -k -j1 all
cc -O2 -Wall -Iinclude -c src/main.c -o build/main.o
cc -O2 -Wall -Iinclude -c src/queue.c -o build/queue.o
{MARK}src/queue.c: In function 'queue_push':
{MARK}src/queue.c:58:16: error: 'struct queue' has no member named 'tail_idx'; did you mean 'tail'?
{MARK}   58 |         q->tail_idx = (q->tail_idx + 1) % q->cap;
{MARK}      |                ^~~~~~~~
{MARK}      |                tail
{MARK}make: *** [Makefile:14: build/queue.o] Error 1
cc -O2 -Wall -Iinclude -c src/worker.c -o build/worker.o
make: Target 'build/qd' not remade because of errors.
install -m 0755 build/qd dist/qd
install: cannot stat 'build/qd': No such file or directory
make: *** [Makefile:22: dist] Error 1
make: Target 'all' not remade because of errors.""",
        name="qd",
    ),
    "src/queue.c:58:16: error: 'struct queue' has no member named 'tail_idx'; did you mean 'tail'?",
    "make -k keeps going: the compile error, then install's missing binary as its consequence",
)

case(
    "ai-install-script-curl-timeout-plain",
    "network",
    "high",
    plain(
        f"""$ ./ci/install-tools.sh
+ PROTOC_VERSION=26.1
+ curl -fsSL -o /tmp/protoc.zip https://github.com/protocolbuffers/protobuf/releases/download/v26.1/protoc-26.1-linux-x86_64.zip
{MARK}curl: (28) Failed to connect to github.com port 443 after 130412 ms: Connection timed out
+ unzip -o -q /tmp/protoc.zip -d /usr/local
unzip:  cannot find or open /tmp/protoc.zip, /tmp/protoc.zip.zip or /tmp/protoc.zip.ZIP.
+ protoc --version
./ci/install-tools.sh: line 9: protoc: command not found""",
        name="rpc-gateway",
    ),
    "curl: (28) Failed to connect to github.com port 443 after 130412 ms: Connection timed out",
    "a script without set -e: the download times out; unzip's missing file and protoc not found follow from it",
)

case(
    "ai-npm-optional-gyp-then-vitest-gha",
    "test.failure",
    "high",
    gha(
        "acme/image-tools",
        "test",
        [
            setup_node(),
            Step(
                "npm ci",
                """npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory.
npm WARN deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported
npm WARN optional SKIPPING OPTIONAL DEPENDENCY: canvas-prebuilt@2.0.0 (node_modules/canvas-prebuilt):
npm WARN optional SKIPPING OPTIONAL DEPENDENCY: canvas-prebuilt@2.0.0 install: `node-pre-gyp install --fallback-to-build`
gyp ERR! build error
gyp ERR! stack Error: `make` failed with exit code: 2
gyp ERR! stack     at ChildProcess.onExit (/opt/hostedtoolcache/node/20.12.2/x64/lib/node_modules/npm/node_modules/node-gyp/lib/build.js:203:23)
gyp ERR! not ok

added 612 packages, and audited 613 packages in 14s

98 packages are looking for funding
  run `npm fund` for details

found 0 vulnerabilities""",
            ),
            Step(
                "npx vitest run",
                f"""
 RUN  v1.6.0 /home/runner/work/image-tools/image-tools

 ✓ src/resize.test.ts  (6 tests) 41ms
 ✓ src/exif.test.ts  (4 tests) 12ms
 ❯ src/crop.test.ts  (3 tests | 1 failed) 19ms
   ❯ src/crop.test.ts > crop > keeps the aspect ratio when only width is given
     → expected 240 to be 180 // Object.is equality

{MARK}⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯
{MARK}
{MARK} FAIL  src/crop.test.ts > crop > keeps the aspect ratio when only width is given
{MARK}AssertionError: expected 240 to be 180 // Object.is equality
{MARK}
{MARK}- Expected
{MARK}+ Received
{MARK}
{MARK}- 180
{MARK}+ 240
{MARK}
{MARK} ❯ src/crop.test.ts:22:27
{MARK}     20|   it("keeps the aspect ratio when only width is given", () => {{
{MARK}     21|     const out = crop({{ width: 320, height: 240 }}, {{ width: 240 }});
{MARK}     22|     expect(out.height).toBe(180);
{MARK}       |                           ^
{MARK}     23|   }});
{MARK}     24| }});
{MARK}
{MARK}⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯
{MARK}
{MARK} Test Files  1 failed | 2 passed (3)
{MARK}      Tests  1 failed | 12 passed (13)
   Start at  14:04:31
   Duration  1.12s (transform 98ms, setup 0ms, collect 310ms, tests 72ms, environment 0ms, prepare 402ms)""",
                code=1,
            ),
        ],
        actions=("actions/setup-node@v4",),
    ),
    "FAIL  src/crop.test.ts > crop > keeps the aspect ratio when only width is given",
    "an optional dependency's node-gyp build error in npm ci (which succeeded) before vitest's one failure",
)

case(
    "ai-rubocop-or-true-then-rspec-travis",
    "test.failure",
    "high",
    travis(
        "acme/invoice-rb",
        "ruby",
        [
            Step(
                "bundle install --jobs=3 --retry=3", "Bundle complete! 14 Gemfile dependencies, 62 gems now installed."
            ),
            Step(
                "bundle exec rubocop --format simple || true",
                """== lib/invoice/pdf.rb ==
C: 14:  3: [Correctable] Style/StringLiterals: Prefer double-quoted strings unless you need single quotes to avoid extra backslashes for escaping.
E: 41:  1: Lint/Syntax: unexpected token kEND
W: 52:  7: Lint/UselessAssignment: Useless assignment to variable - total.

9 files inspected, 3 offenses detected, 1 offense autocorrectable""",
                name="script.1",
            ),
            Step(
                "bundle exec rspec",
                f"""Randomized with seed 24117
.........F....

{MARK}Failures:
{MARK}
{MARK}  1) Invoice::Totals rounds half up to the cent
{MARK}     Failure/Error: expect(totals.tax).to eq(BigDecimal("1.25"))
{MARK}
{MARK}       expected: 0.125e1
{MARK}            got: 0.124e1
{MARK}
{MARK}       (compared using ==)
{MARK}     # ./spec/invoice/totals_spec.rb:18:in `block (2 levels) in <top (required)>'
{MARK}
{MARK}Finished in 0.21 seconds (files took 0.48 seconds to load)
{MARK}14 examples, 1 failure
{MARK}
{MARK}Failed examples:
{MARK}
{MARK}rspec ./spec/invoice/totals_spec.rb:15 # Invoice::Totals rounds half up to the cent""",
                code=1,
                name="script.2",
            ),
        ],
        cache="/home/travis/build/acme/invoice-rb/vendor/bundle",
    ),
    "1) Invoice::Totals rounds half up to the cent",
    "rubocop || true reports a Lint/Syntax offense that does not fail the build; rspec's one failure does",
)


def _long_exunit_diff() -> str:
    keys = [f"sku_{i:03d}" for i in range(1, 19)]
    left = "\n".join(f'{MARK}         "{k}" => %{{qty: {i}, reserved: 0}},' for i, k in enumerate(keys, 1))
    right = "\n".join(
        f'{MARK}         "{k}" => %{{qty: {i}, reserved: {1 if i == 11 else 0}}},' for i, k in enumerate(keys, 1)
    )
    return left + "\n" + f"{MARK}       }}\n{MARK}     right: %{{\n" + right


case(
    "ai-exunit-long-map-diff-gha",
    "test.failure",
    "high",
    gha(
        "acme/stockroom",
        "test (elixir 1.16)",
        [
            Step(
                "",
                uses="erlef/setup-beam@v1",
                with_={"elixir-version": "1.16", "otp-version": "26"},
                out="Installing Elixir 1.16.2-otp-26",
            ),
            Step("mix deps.get", "All dependencies are up to date"),
            Step(
                "mix test",
                f"""Running ExUnit with seed: 93117, max_cases: 4

.......
{MARK}  1) test reserve/2 leaves other SKUs untouched (Stockroom.InventoryTest)
{MARK}     test/stockroom/inventory_test.exs:48
{MARK}     Assertion with == failed
{MARK}     code:  assert Inventory.snapshot(inv) == expected
{MARK}     left:  %{{
"""
                + _long_exunit_diff()
                + f"""
{MARK}       }}
{MARK}     stacktrace:
{MARK}       test/stockroom/inventory_test.exs:61: (test)
{MARK}
{MARK}.............
{MARK}Finished in 0.4 seconds (0.3s async, 0.1s sync)
{MARK}21 tests, 1 failure""",
                code=2,
            ),
        ],
        actions=("erlef/setup-beam@v1",),
    ),
    "1) test reserve/2 leaves other SKUs untouched (Stockroom.InventoryTest)",
    "ExUnit: one failure whose left/right maps run past 40 lines (a long block, its header and its tally)",
)

case(
    "ai-swift-build-warnings-gha",
    "compile.error",
    "high",
    gha(
        "acme/SwiftCSV",
        "macos build",
        [
            Step(
                "swift build -c release",
                f"""Building for production...
[0/6] Write sources
[1/6] Write swift-version--58304C5D6DBC2206.txt
[3/8] Compiling SwiftCSV Parser.swift
/Users/runner/work/SwiftCSV/SwiftCSV/Sources/SwiftCSV/Reader.swift:22:9: warning: 'init(contentsOfFile:)' is deprecated: Use init(contentsOf:encoding:) instead
        let text = try String(contentsOfFile: path)
        ^
/Users/runner/work/SwiftCSV/SwiftCSV/Sources/SwiftCSV/Reader.swift:40:13: warning: variable 'line' was never mutated; consider changing to 'let' constant
        var line = 0
        ~~~ ^
{MARK}/Users/runner/work/SwiftCSV/SwiftCSV/Sources/SwiftCSV/Parser.swift:57:28: error: cannot convert value of type 'Substring' to expected argument type 'String'
{MARK}            fields.append(field)
{MARK}                          ^
{MARK}                          String( )
error: fatalError""",
                code=1,
            ),
        ],
    ),
    "Parser.swift:57:28: error: cannot convert value of type 'Substring' to expected argument type 'String'",
    "swift build: deprecation and mutability warnings above the one type error",
)

case(
    "ai-gha-apt-gpg-noise-then-ctest",
    "test.failure",
    "high",
    gha(
        "acme/tinyjson",
        "linux",
        [
            Step(
                "sudo apt-get update && sudo apt-get install -y ninja-build",
                """Hit:1 http://azure.archive.ubuntu.com/ubuntu jammy InRelease
Get:2 https://packages.microsoft.com/ubuntu/22.04/prod jammy InRelease [3632 B]
Err:2 https://packages.microsoft.com/ubuntu/22.04/prod jammy InRelease
  The following signatures couldn't be verified because the public key is not available: NO_PUBKEY EB3E94ADBE1229CF
Reading package lists...
W: GPG error: https://packages.microsoft.com/ubuntu/22.04/prod jammy InRelease: The following signatures couldn't be verified because the public key is not available: NO_PUBKEY EB3E94ADBE1229CF
E: The repository 'https://packages.microsoft.com/ubuntu/22.04/prod jammy InRelease' is not signed.
Reading package lists...
Building dependency tree...
The following NEW packages will be installed:
  ninja-build
Setting up ninja-build (1.10.1-1) ...""",
            ),
            Step(
                "cmake -S . -B build -G Ninja && cmake --build build && ctest --test-dir build --output-on-failure",
                f"""-- The C compiler identification is GNU 11.4.0
-- Configuring done (0.4s)
-- Generating done (0.0s)
-- Build files have been written to: /home/runner/work/tinyjson/tinyjson/build
[1/6] Building C object CMakeFiles/tinyjson.dir/src/parse.c.o
[6/6] Linking C executable tests/test_parse
Internal ctest changing into directory: /home/runner/work/tinyjson/tinyjson/build
Test project /home/runner/work/tinyjson/tinyjson/build
    Start 1: parse_numbers
1/3 Test #1: parse_numbers ....................   Passed    0.01 sec
    Start 2: parse_strings
{MARK}2/3 Test #2: parse_strings ....................***Failed    0.01 sec
{MARK}test_strings.c:31: escaped unicode: expected "\\u00e9" -> "é", got "\\\\u00e9"
{MARK}1 of 9 checks failed
{MARK}    Start 3: parse_nested
{MARK}3/3 Test #3: parse_nested .....................   Passed    0.01 sec
{MARK}
{MARK}67% tests passed, 1 tests failed out of 3
{MARK}
{MARK}Total Test time (real) =   0.04 sec
{MARK}
{MARK}The following tests FAILED:
{MARK}	  2 - parse_strings (Failed)
Errors while running CTest""",
                code=8,
            ),
        ],
    ),
    "2/3 Test #2: parse_strings ....................***Failed    0.01 sec",
    "apt's unsigned-repository E: line in a setup step that succeeded, then CTest's one failing test",
)

# ---------------------------------------------------------------- a check, written after the fixes the ones above led to
# (other tools of the same kinds: a TeX engine, a site generator, a Go CLI's missing file, after_script's failure
# under another runner, a credentials message in words no rule has; labelled before triage ran on them)

case(
    "ai-check-tectonic-gha",
    "compile.error",
    "high",
    gha(
        "acme/whitepaper",
        "pdf",
        [
            Step("", uses="wtfjoke/setup-tectonic@v3", out="Installed tectonic 0.15.0"),
            Step(
                "tectonic -X compile paper.tex",
                f"""note: "version 2" Tectonic command-line interface activated
note: downloading index https://relay.fullyjustified.net/default_bundle_v33.tar/SHA256SUM
note: Running TeX ...
warning: paper.tex:57: Overfull \\hbox (4.1pt too wide) in paragraph at lines 55--58
{MARK}error: paper.tex:88: Undefined control sequence.
{MARK}error: halted on potentially-recoverable error as specified""",
                code=1,
            ),
        ],
        actions=("wtfjoke/setup-tectonic@v3",),
    ),
    "error: paper.tex:88: Undefined control sequence.",
    "tectonic: a misspelt macro below an overfull-box warning",
)

case(
    "ai-check-zola-build-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/docs-site",
        "ghcr.io/getzola/zola:v0.18.0",
        [
            Step(
                "zola build",
                f"""Building site...
Checking all internal links with anchors.
> Successfully checked 0 internal link(s) with anchors.
-> Creating 41 pages (0 orphan) and 6 sections
{MARK}Error: Failed to build the site
{MARK}Error: Failed to render page '/builds/acme/docs-site/content/blog/release-1-4.md'
{MARK}Error: Reason: Failed to render 'page.html' (error happened in a parent template)
{MARK}Error: Reason: Variable `page.extra.author` not found in context while rendering 'page.html'""",
                code=1,
            ),
        ],
    ),
    "Error: Failed to build the site",
    "zola: a template reads a front-matter field one page lacks",
)

case(
    "ai-check-buf-generate-missing-template-gha",
    "file.not.found",
    "medium",
    gha(
        "acme/payments-proto",
        "generate",
        [
            Step("", uses="bufbuild/buf-setup-action@v1", out='Setting up buf version "1.32.0"\nbuf installed'),
            Step(
                "buf generate --template buf.gen.prod.yaml",
                f"""{MARK}Failure: open /home/runner/work/payments-proto/payments-proto/buf.gen.prod.yaml: no such file or directory""",
                code=1,
            ),
        ],
        actions=("bufbuild/buf-setup-action@v1",),
    ),
    "Failure: open /home/runner/work/payments-proto/payments-proto/buf.gen.prod.yaml: no such file or directory",
    "buf generate: the template file the command names does not exist",
)

case(
    "ai-check-cargo-test-after-script-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/tilemap",
        "rust:1.78",
        [
            Step(
                "cargo build --locked",
                "   Compiling tilemap v0.6.1 (/builds/acme/tilemap)\n    Finished `dev` profile [unoptimized + debuginfo] target(s) in 21.40s",
            ),
            Step(
                "cargo test --locked",
                f"""    Finished `test` profile [unoptimized + debuginfo] target(s) in 0.31s
     Running unittests src/lib.rs (target/debug/deps/tilemap-5c1d2e3f4a5b6c7d)

running 12 tests
test grid::tests::wraps_negative_x ... ok
test grid::tests::neighbours_of_corner ... FAILED
test grid::tests::neighbours_of_centre ... ok

{MARK}failures:
{MARK}
{MARK}---- grid::tests::neighbours_of_corner stdout ----
{MARK}thread 'grid::tests::neighbours_of_corner' panicked at src/grid.rs:88:9:
{MARK}assertion `left == right` failed
{MARK}  left: 3
{MARK} right: 2
{MARK}note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
{MARK}
{MARK}
{MARK}failures:
{MARK}    grid::tests::neighbours_of_corner
{MARK}
{MARK}test result: FAILED. 11 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s
{MARK}
error: test failed, to rerun pass `--lib`
Running after_script
Running after script...
$ ./ci/notify-chat.sh "$CI_JOB_STATUS"
curl: (6) Could not resolve host: chat.acme.internal
WARNING: after_script failed, but job will continue unaffected: exit code 6""",
                code=101,
            ),
        ],
    ),
    "---- grid::tests::neighbours_of_corner stdout ----",
    "cargo test fails; after_script's chat notification cannot resolve its host (a network word that is no cause)",
)

case(
    "ai-check-wrangler-no-token-gha",
    "credentials",
    "high",
    gha(
        "acme/edge-worker",
        "deploy",
        [
            setup_node(),
            Step("npm ci", npm_ci(233)),
            Step(
                "npx wrangler deploy",
                f""" ⛅️ wrangler 3.57.1
-------------------

{MARK}✘ [ERROR] In a non-interactive environment, it's necessary to set a CLOUDFLARE_API_TOKEN environment variable for wrangler to work. Please go to https://developers.cloudflare.com/fundamentals/api/get-started/create-token/ for instructions on how to create an api token, and assign its value to CLOUDFLARE_API_TOKEN.""",
                code=1,
            ),
        ],
        actions=("actions/setup-node@v4",),
    ),
    "it's necessary to set a CLOUDFLARE_API_TOKEN environment variable for wrangler to work",
    "wrangler deploy without the API token secret (a fork's PR), in words no credentials pattern has",
)
