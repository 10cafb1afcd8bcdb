"""Authored cases, batch t: log shapes of issue 8's unseen logs, each error block labelled whole before
triage ran on them: rustc's diagnostics above its ``error: aborting due to N previous errors`` and cargo's
``error: could not compile``, linters that print GitHub ``##[error]file:line:col: msg`` annotations, a
tool's own ``[Pipeline]`` lines in a log of another CI, a unified diff (``--- path`` / ``+++ path``) in a
traced script's output, and a Ruby backtrace filling a rake task's block. First run: see README.md."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import bundle_install, cargo_fetch, setup_go, setup_python, setup_rust
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, plain, travis

# ---------------------------------------------------------------- rustc's errors, then cargo's verdict

case(
    "t-cargo-build-two-errors-gha",
    "compile.error",
    "high",
    gha(
        "acme/portcfg",
        "build",
        [
            setup_rust(),
            Step(
                "cargo build --locked",
                f"""{cargo_fetch(["serde", "toml", "thiserror"])}
   Compiling proc-macro2 v1.0.81
   Compiling serde v1.0.200
   Compiling portcfg v0.3.0 (/home/runner/work/portcfg/portcfg)
{MARK}error[E0308]: mismatched types
{MARK}  --> src/config.rs:42:21
{MARK}   |
{MARK}42 |     let port: u16 = env::var("PORT");
{MARK}   |               ---   ^^^^^^^^^^^^^^^^ expected `u16`, found `Result<String, VarError>`
{MARK}   |               |
{MARK}   |               expected due to this
{MARK}   |
{MARK}   = note: expected type `u16`
{MARK}              found enum `Result<String, VarError>`
{MARK}
{MARK}error[E0425]: cannot find value `timeout` in this scope
{MARK}  --> src/client.rs:17:9
{MARK}   |
{MARK}17 |         timeout,
{MARK}   |         ^^^^^^^ not found in this scope
{MARK}
{MARK}error: aborting due to 2 previous errors
{MARK}
{MARK}Some errors have detailed explanations: E0308, E0425.
{MARK}For more information about an error, try `rustc --explain E0308`.
{MARK}error: could not compile `portcfg` (lib) due to 2 previous errors""",
                code=101,
            ),
        ],
    ),
    "error[E0308]: mismatched types",
    "rustc's two errors, its abort line and cargo's verdict: one failure, from the first error[E...] on",
)

case(
    "t-cargo-test-borrow-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/ringbuf",
        "rust:1.78",
        [
            Step("cargo --version", "cargo 1.78.0 (54d8815d0 2024-03-26)"),
            Step(
                "cargo test --all-features",
                f"""    Updating crates.io index
 Downloaded criterion v0.5.1
   Compiling ringbuf v0.4.2 (/builds/acme/ringbuf)
{MARK}error[E0502]: cannot borrow `self.items` as mutable because it is also borrowed as immutable
{MARK}  --> src/ring.rs:88:9
{MARK}   |
{MARK}87 |         let head = &self.items[self.head];
{MARK}   |                     ---------- immutable borrow occurs here
{MARK}88 |         self.items.push(value);
{MARK}   |         ^^^^^^^^^^^^^^^^^^^^^^ mutable borrow occurs here
{MARK}89 |         head.clone()
{MARK}   |         ---- immutable borrow later used here
{MARK}
{MARK}error: aborting due to 1 previous error
{MARK}
{MARK}For more information about this error, try `rustc --explain E0502`.
{MARK}error: could not compile `ringbuf` (lib test) due to 1 previous error""",
                code=101,
            ),
        ],
    ),
    "error[E0502]: cannot borrow `self.items` as mutable",
    "a borrow error under cargo test: the diagnostic and its location, the abort line and cargo's line",
)

# ---------------------------------------------------------------- linters' GitHub annotations

case(
    "t-golangci-annotations-run-gha",
    "lint.error",
    "high",
    gha(
        "acme/ledger",
        "lint",
        [
            setup_go(),
            Step(
                "golangci-lint run --out-format=github-actions ./...",
                f"""{MARK}##[error]internal/ledger/post.go:112:3: Error return value of `tx.Rollback` is not checked (errcheck)
{MARK}##[error]internal/ledger/balance.go:40:2: SA4006: this value of `total` is never used (staticcheck)
{MARK}##[error]cmd/ledgerd/main.go:27:15: G114: Use of net/http serve function that has no support for setting timeouts (gosec)""",
                code=1,
            ),
        ],
    ),
    "internal/ledger/post.go:112:3: Error return value of `tx.Rollback` is not checked (errcheck)",
    "golangci-lint's findings as annotations: the step's diagnostics, above the runner's exit line",
)

case(
    "t-ruff-github-annotations-gha",
    "lint.error",
    "high",
    gha(
        "acme/tallyho",
        "lint-py",
        [
            setup_python("3.12"),
            Step(
                "pip install ruff==0.4.2",
                "Collecting ruff==0.4.2\nInstalling collected packages: ruff\nSuccessfully installed ruff-0.4.2",
            ),
            Step(
                "ruff check --output-format=github .",
                f"""{MARK}##[error]src/tallyho/cli.py:3:8: F401 [*] `sys` imported but unused
{MARK}##[error]src/tallyho/store.py:57:5: E722 Do not use bare `except`
{MARK}##[error]tests/test_store.py:14:1: F811 Redefinition of unused `fixture_db` from line 9
{MARK}Found 3 errors.
{MARK}[*] 1 fixable with the `--fix` option.""",
                code=1,
            ),
        ],
    ),
    "src/tallyho/cli.py:3:8: F401 [*] `sys` imported but unused",
    "ruff's GitHub output format: annotations with a location, then its count",
)

# ---------------------------------------------------------------- a tool's own [Pipeline] lines, outside Jenkins

case(
    "t-pipeline-tagged-validator-gha",
    "config.error",
    "high",
    gha(
        "acme/deploy-config",
        "validate",
        [
            setup_python("3.11"),
            Step(
                "python -m pipecheck ci/pipeline.yml",
                f"""[Loader] reading ci/pipeline.yml
[Loader] 6 stages, 14 jobs
{MARK}[Pipeline] ERROR: stage "deploy" needs "package", which no stage defines
{MARK}[Pipeline] ERROR: job "smoke-test" runs in stage "verify" before its dependency "deploy"
{MARK}pipecheck: 2 errors in ci/pipeline.yml""",
                code=2,
            ),
        ],
    ),
    '[Pipeline] ERROR: stage "deploy" needs "package", which no stage defines',
    "an in-house validator tags its lines [Pipeline]: in a GitHub Actions log they are its errors, not Jenkins'",
)

# ---------------------------------------------------------------- a unified diff in a traced script's output

case(
    "t-shfmt-diff-traced-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/provision",
        "mvdan/shfmt:v3.8.0-alpine",
        [
            Step(
                "sh -x ci/check-shell.sh",
                f"""+ set -e
+ find scripts -name '*.sh'
+ shfmt -d -i 2 scripts/deploy.sh scripts/backup.sh
{MARK}--- scripts/deploy.sh.orig
{MARK}+++ scripts/deploy.sh
{MARK}@@ -4,7 +4,7 @@
{MARK} set -eu
{MARK}
{MARK} if [ -z "$TARGET" ]; then
{MARK}-    echo "TARGET unset"
{MARK}+  echo "TARGET unset"
{MARK}   exit 1
{MARK} fi""",
                code=1,
            ),
        ],
    ),
    "--- scripts/deploy.sh.orig",
    "shfmt's diff under a set -x script: the diff is the finding, its +++ line no shell trace",
)

case(
    "t-git-diff-exit-code-traced-travis",
    "lint.error",
    "high",
    travis(
        "acme/protos",
        "go",
        [
            Step(
                "go install github.com/bufbuild/buf/cmd/buf@v1.31.0", "go: downloading github.com/bufbuild/buf v1.31.0"
            ),
            Step(
                "bash -x ./hack/verify-generated.sh",
                f"""+ buf generate
+ git diff --exit-code -- gen/
{MARK}diff --git a/gen/orders/v1/orders.pb.go b/gen/orders/v1/orders.pb.go
{MARK}index 3f2a1c0..9b1c7d2 100644
{MARK}--- a/gen/orders/v1/orders.pb.go
{MARK}+++ b/gen/orders/v1/orders.pb.go
{MARK}@@ -120,6 +120,7 @@ type Order struct {{
{MARK} 	Id       string `protobuf:"bytes,1,opt,name=id,proto3" json:"id,omitempty"`
{MARK} 	Total    int64  `protobuf:"varint,2,opt,name=total,proto3" json:"total,omitempty"`
{MARK}+	Currency string `protobuf:"bytes,3,opt,name=currency,proto3" json:"currency,omitempty"`
{MARK} }}""",
                code=1,
                name="script",
            ),
        ],
    ),
    "diff --git a/gen/orders/v1/orders.pb.go b/gen/orders/v1/orders.pb.go",
    "a stale generated file's diff under bash -x: the +++ b/ line is the diff's, not a nested trace",
)

# ---------------------------------------------------------------- a Ruby backtrace filling a rake task's block

_GEMS = "/usr/local/bundle/gems"
_FRAMES = [
    f"{_GEMS}/activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb:60:in `rescue in new_client'",
    f"{_GEMS}/activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb:50:in `new_client'",
    f"{_GEMS}/activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb:983:in `connect'",
    f"{_GEMS}/activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb:365:in `initialize'",
    f"{_GEMS}/activerecord-7.1.3/lib/active_record/connection_adapters/abstract/connection_pool.rb:659:in `new'",
] + [
    f"{_GEMS}/{gem}.rb:{line}:in `{method}'"
    for gem, line, method in [
        ("activerecord-7.1.3/lib/active_record/connection_adapters/abstract/connection_pool.rb", 659, "new_connection"),
        (
            "activerecord-7.1.3/lib/active_record/connection_adapters/abstract/connection_pool.rb",
            703,
            "checkout_new_connection",
        ),
        (
            "activerecord-7.1.3/lib/active_record/connection_adapters/abstract/connection_pool.rb",
            682,
            "try_to_checkout_new_connection",
        ),
        (
            "activerecord-7.1.3/lib/active_record/connection_adapters/abstract/connection_pool.rb",
            643,
            "acquire_connection",
        ),
        ("activerecord-7.1.3/lib/active_record/connection_adapters/abstract/connection_pool.rb", 343, "checkout"),
        (
            "activerecord-7.1.3/lib/active_record/connection_adapters/abstract/connection_handler.rb",
            248,
            "retrieve_connection",
        ),
        ("activerecord-7.1.3/lib/active_record/connection_handling.rb", 287, "retrieve_connection"),
        ("activerecord-7.1.3/lib/active_record/connection_handling.rb", 254, "connection"),
        ("activerecord-7.1.3/lib/active_record/tasks/database_tasks.rb", 338, "migrate"),
        ("activerecord-7.1.3/lib/active_record/railties/databases.rake", 90, "block (2 levels) in <main>"),
        ("rake-13.2.1/lib/rake/task.rb", 281, "block in execute"),
        ("rake-13.2.1/lib/rake/task.rb", 281, "each"),
        ("rake-13.2.1/lib/rake/task.rb", 281, "execute"),
        ("rake-13.2.1/lib/rake/task.rb", 219, "block in invoke_with_call_chain"),
        ("rake-13.2.1/lib/rake/task.rb", 199, "synchronize"),
        ("rake-13.2.1/lib/rake/task.rb", 199, "invoke_with_call_chain"),
        ("rake-13.2.1/lib/rake/task.rb", 188, "invoke"),
        ("rake-13.2.1/lib/rake/application.rb", 182, "invoke_task"),
        ("rake-13.2.1/lib/rake/application.rb", 138, "block (2 levels) in top_level"),
        ("rake-13.2.1/lib/rake/application.rb", 138, "each"),
        ("rake-13.2.1/lib/rake/application.rb", 138, "block in top_level"),
        ("rake-13.2.1/lib/rake/application.rb", 147, "run_with_threads"),
        ("rake-13.2.1/lib/rake/application.rb", 132, "top_level"),
        ("rake-13.2.1/lib/rake/application.rb", 83, "block in run"),
        ("rake-13.2.1/lib/rake/application.rb", 214, "standard_exception_handling"),
        ("rake-13.2.1/lib/rake/application.rb", 80, "run"),
        ("rake-13.2.1/exe/rake", 27, "<top (required)>"),
        ("bundler-2.5.9/lib/bundler/cli/exec.rb", 58, "load"),
    ]
]
_TRACE = "\n".join(f"{MARK}{f}" if i < 3 else f for i, f in enumerate(_FRAMES))

case(
    "t-rake-db-migrate-backtrace-gha",
    "network",
    "medium",
    gha(
        "acme/storefront",
        "test",
        [
            Step("bundle install --jobs 4", bundle_install()),
            Step(
                "bin/rails db:migrate --trace",
                f"""** Invoke db:migrate (first_time)
** Invoke db:load_config (first_time)
** Execute db:load_config
** Execute db:migrate
{MARK}rake aborted!
{MARK}ActiveRecord::ConnectionNotEstablished: connection to server at "127.0.0.1", port 5432 failed: Connection refused
{MARK}	Is the server running on that host and accepting TCP/IP connections?
{_TRACE}
Tasks: TOP => db:migrate
(See full trace by running task with --trace)""",
                code=1,
            ),
        ],
    ),
    "ActiveRecord::ConnectionNotEstablished: connection to server",
    "rake's --trace backtrace: the error and its first frames say it; thirty gem frames below do not",
)

case(
    "t-rake-spec-task-backtrace-jenkins",
    "test.failure",
    "medium",
    jenkins(
        "acme/billing",
        "billing-ci",
        [
            Step("bundle install --path vendor/bundle", bundle_install(), name="Install"),
            Step(
                "bundle exec rake spec:models --trace",
                f"""** Invoke spec:models (first_time)
** Execute spec:models
{MARK}rake aborted!
{MARK}NameError: uninitialized constant Billing::InvoiceMailer
{MARK}/var/lib/jenkins/workspace/billing-ci/app/models/billing/invoice.rb:41:in `deliver!'
{MARK}/var/lib/jenkins/workspace/billing-ci/lib/tasks/spec.rake:12:in `block (2 levels) in <top (required)>'
{MARK}/var/lib/jenkins/workspace/billing-ci/vendor/bundle/ruby/3.2.0/gems/rake-13.2.1/lib/rake/task.rb:281:in `block in execute'
"""
                + "\n".join(
                    f"/var/lib/jenkins/workspace/billing-ci/vendor/bundle/ruby/3.2.0/gems/rake-13.2.1/lib/rake/{f}"
                    for f in [
                        "task.rb:281:in `each'",
                        "task.rb:281:in `execute'",
                        "task.rb:219:in `block in invoke_with_call_chain'",
                        "task.rb:199:in `synchronize'",
                        "task.rb:199:in `invoke_with_call_chain'",
                        "task.rb:188:in `invoke'",
                        "application.rb:182:in `invoke_task'",
                        "application.rb:138:in `block (2 levels) in top_level'",
                        "application.rb:138:in `each'",
                        "application.rb:138:in `block in top_level'",
                        "application.rb:147:in `run_with_threads'",
                        "application.rb:132:in `top_level'",
                        "application.rb:83:in `block in run'",
                        "application.rb:214:in `standard_exception_handling'",
                        "application.rb:80:in `run'",
                        "../../exe/rake:27:in `<top (required)>'",
                        "../../../../bin/rake:25:in `load'",
                        "../../../../bin/rake:25:in `<main>'",
                        "../../../../bin/ruby_executable_hooks:22:in `eval'",
                        "../../../../bin/ruby_executable_hooks:22:in `<main>'",
                        "../../../../bin/bundle:1:in `exec'",
                        "../../../../bin/bundle:1:in `<main>'",
                        "../../../../bin/bundle:2:in `eval'",
                        "../../../../bin/bundle:2:in `main'",
                        "../../../../bin/bundle:3:in `exec'",
                        "../../../../bin/bundle:3:in `<main>'",
                        "../../../../bin/bundle:4:in `load'",
                        "../../../../bin/bundle:4:in `<top>'",
                    ]
                )
                + "\nTasks: TOP => spec:models",
                code=1,
                name="Test",
            ),
        ],
    ),
    "NameError: uninitialized constant Billing::InvoiceMailer",
    "rake's backtrace in a Jenkins stage: the error, the app's frames, then the rake and bundler frames",
)

case(
    "t-rust-clippy-deny-plain",
    "lint.error",
    "high",
    plain(
        f"""$ cargo clippy --all-targets -- -D warnings
    Checking memchr v2.7.2
    Checking tinyjson v0.2.0 (/var/lib/buildkite-agent/builds/agent-3/acme/tinyjson)
{MARK}error: this `if let` can be collapsed into the outer `if let`
{MARK}  --> src/parse.rs:73:13
{MARK}   |
{MARK}73 | /             if let Some(c) = next {{
{MARK}74 | |                 out.push(c);
{MARK}75 | |             }}
{MARK}   | |_____________^
{MARK}   |
{MARK}   = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#collapsible_match
{MARK}   = note: `-D clippy::collapsible-match` implied by `-D warnings`
{MARK}
{MARK}error: could not compile `tinyjson` (lib) due to 1 previous error""",
        name="tinyjson",
    ),
    "error: this `if let` can be collapsed into the outer `if let`",
    "clippy denying a lint: its diagnostic and location, then cargo's verdict",
)
