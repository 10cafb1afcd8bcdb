"""Turn state records into GitHub REST bodies, with the fields real responses carry.

API URLs point at the double (PyGithub follows ``url`` fields and Link headers); ``html_url``
points at github.com as on the real service.
"""

from __future__ import annotations

import base64
import zlib
from typing import Any
from urllib.parse import quote

from .state import Comment, Event, Issue, Label, Repo, State

WEB = "https://github.com"
EPOCH = "2020-01-01T00:00:00Z"


def node_id(kind: str, number: int) -> str:
    return base64.b64encode(f"0{len(kind)}:{kind}{number}".encode()).decode().rstrip("=")


class Renderer:
    def __init__(self, api: str, world: State) -> None:
        self.api = api
        self.world = world

    def user(self, login: str) -> dict[str, Any]:
        uid = self.world.user_id(login)
        url = f"{self.api}/users/{quote(login)}"
        bot = login.endswith("[bot]")
        return {
            "login": login,
            "id": uid,
            "node_id": node_id("User", uid),
            "avatar_url": f"https://avatars.githubusercontent.com/u/{uid}?v=4",
            "gravatar_id": "",
            "url": url,
            "html_url": f"{WEB}/apps/{login[:-5]}" if bot else f"{WEB}/{login}",
            "followers_url": f"{url}/followers",
            "following_url": f"{url}/following{{/other_user}}",
            "gists_url": f"{url}/gists{{/gist_id}}",
            "starred_url": f"{url}/starred{{/owner}}{{/repo}}",
            "subscriptions_url": f"{url}/subscriptions",
            "organizations_url": f"{url}/orgs",
            "repos_url": f"{url}/repos",
            "events_url": f"{url}/events{{/privacy}}",
            "received_events_url": f"{url}/received_events",
            "type": "Bot" if bot else "User",
            "user_view_type": "public",
            "site_admin": False,
        }

    def repository(self, full_name: str) -> dict[str, Any]:
        """Full Repository fields (a superset of Minimal Repository and Repository)."""
        repo = self.world.repo(full_name)
        owner, name = full_name.split("/")
        rid = repo.id if repo else zlib.crc32(full_name.encode())
        url = f"{self.api}/repos/{full_name}"
        open_issues = sum(i.state == "open" for i in repo.issues.values()) if repo else 0
        stamp = repo.created_at if repo else EPOCH
        return {
            "id": rid,
            "node_id": node_id("Repository", rid),
            "name": name,
            "full_name": full_name,
            "owner": self.user(owner),
            "private": repo.private if repo else False,
            "html_url": f"{WEB}/{full_name}",
            "description": repo.description if repo else None,
            "fork": repo.fork if repo else True,  # unknown repositories are the forks runs come from
            "url": url,
            **_repo_urls(url),
            "git_url": f"git://github.com/{full_name}.git",
            "ssh_url": f"git@github.com:{full_name}.git",
            "clone_url": f"{WEB}/{full_name}.git",
            "svn_url": f"{WEB}/{full_name}",
            "homepage": None,
            "language": "Python",
            "mirror_url": None,
            "forks_count": 0,
            "forks": 0,
            "stargazers_count": 0,
            "watchers_count": 0,
            "watchers": 0,
            "size": 100,
            "default_branch": repo.default_branch if repo else "main",
            "open_issues_count": open_issues,
            "open_issues": open_issues,
            "is_template": False,
            "topics": [],
            "has_issues": repo.issues_enabled if repo else True,
            "has_projects": True,
            "has_wiki": True,
            "has_pages": False,
            "has_downloads": True,
            "has_discussions": False,
            "archived": False,
            "disabled": False,
            "visibility": "private" if repo and repo.private else "public",
            "pushed_at": stamp,
            "created_at": stamp,
            "updated_at": stamp,
            "allow_forking": True,
            "web_commit_signoff_required": False,
            "license": None,
            "network_count": 0,
            "subscribers_count": 1,
            "temp_clone_token": "",
            "delete_branch_on_merge": False,
            "permissions": {"admin": False, "maintain": False, "push": True, "triage": True, "pull": True},
        }

    def label(self, repo: Repo, label: Label) -> dict[str, Any]:
        return {
            "id": label.id,
            "node_id": node_id("Label", label.id),
            "url": f"{self.api}/repos/{repo.full_name}/labels/{quote(label.name)}",
            "name": label.name,
            "color": label.color,
            "default": label.default,
            "description": label.description,
        }

    def issue_labels(self, repo: Repo, issue: Issue) -> list[dict[str, Any]]:
        return [self.label(repo, label) for name in issue.labels if (label := repo.label(name))]

    def association(self, repo: Repo, login: str) -> str:
        if login == repo.owner:
            return "OWNER"
        return "COLLABORATOR" if repo.collaborators.get(login, "none") != "none" else "NONE"

    def issue(self, repo: Repo, issue: Issue) -> dict[str, Any]:
        url = f"{self.api}/repos/{repo.full_name}/issues/{issue.number}"
        kind = "pull" if issue.pull else "issues"
        body: dict[str, Any] = {
            "url": url,
            "repository_url": f"{self.api}/repos/{repo.full_name}",
            "labels_url": f"{url}/labels{{/name}}",
            "comments_url": f"{url}/comments",
            "events_url": f"{url}/events",
            "html_url": f"{WEB}/{repo.full_name}/{kind}/{issue.number}",
            "timeline_url": f"{url}/timeline",
            "id": issue.id,
            "node_id": node_id("Issue", issue.id),
            "number": issue.number,
            "title": issue.title,
            "user": self.user(issue.user),
            "labels": self.issue_labels(repo, issue),
            "state": issue.state,
            "locked": issue.locked,
            "assignee": self.user(issue.assignees[0]) if issue.assignees else None,
            "assignees": [self.user(login) for login in issue.assignees],
            "milestone": None,
            "comments": len(issue.comments),
            "created_at": issue.created_at,
            "updated_at": issue.updated_at,
            "closed_at": issue.closed_at,
            "author_association": self.association(repo, issue.user),
            "active_lock_reason": None,
            "body": issue.body,
            "closed_by": self.user(self.world.settings.actor) if issue.closed_at else None,
            "performed_via_github_app": None,
            "state_reason": issue.state_reason,
            "reactions": _reactions(url),
        }
        if issue.pull:
            pulls = f"{self.api}/repos/{repo.full_name}/pulls/{issue.number}"
            html = body["html_url"]
            body["draft"] = issue.pull.draft
            body["pull_request"] = {
                "url": pulls,
                "html_url": html,
                "diff_url": f"{html}.diff",
                "patch_url": f"{html}.patch",
                "merged_at": issue.closed_at if issue.pull.merged else None,
            }
        return body

    def comment(self, repo: Repo, issue: Issue, comment: Comment) -> dict[str, Any]:
        issue_url = f"{self.api}/repos/{repo.full_name}/issues/{issue.number}"
        kind = "pull" if issue.pull else "issues"
        return {
            "url": f"{self.api}/repos/{repo.full_name}/issues/comments/{comment.id}",
            "html_url": f"{WEB}/{repo.full_name}/{kind}/{issue.number}#issuecomment-{comment.id}",
            "issue_url": issue_url,
            "id": comment.id,
            "node_id": node_id("IssueComment", comment.id),
            "user": self.user(comment.user),
            "created_at": comment.created_at,
            "updated_at": comment.updated_at,
            "author_association": self.association(repo, comment.user),
            "body": comment.body,
            "performed_via_github_app": None,
            "reactions": _reactions(f"{self.api}/repos/{repo.full_name}/issues/comments/{comment.id}"),
        }

    def event(self, repo: Repo, issue: Issue, event: Event) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": event.id,
            "node_id": node_id("LabeledEvent", event.id),
            "url": f"{self.api}/repos/{repo.full_name}/issues/events/{event.id}",
            "actor": self.user(event.actor),
            "event": event.event,
            "commit_id": None,
            "commit_url": None,
            "created_at": event.created_at,
            "performed_via_github_app": None,
        }
        if event.label is not None:
            label = repo.label(event.label)
            body["label"] = {"name": event.label, "color": label.color if label else "ededed"}
        if event.rename is not None:
            body["rename"] = dict(event.rename)
        return body

    def pull(self, repo: Repo, issue: Issue, full: bool = True) -> dict[str, Any]:
        assert issue.pull is not None
        pr = issue.pull
        url = f"{self.api}/repos/{repo.full_name}/pulls/{issue.number}"
        issue_url = f"{self.api}/repos/{repo.full_name}/issues/{issue.number}"
        html = f"{WEB}/{repo.full_name}/pull/{issue.number}"
        statuses = f"{self.api}/repos/{repo.full_name}/statuses/{pr.head_sha}"
        body: dict[str, Any] = {
            "url": url,
            "id": pr.id,
            "node_id": node_id("PullRequest", pr.id),
            "html_url": html,
            "diff_url": f"{html}.diff",
            "patch_url": f"{html}.patch",
            "issue_url": issue_url,
            "commits_url": f"{url}/commits",
            "review_comments_url": f"{url}/comments",
            "review_comment_url": f"{self.api}/repos/{repo.full_name}/pulls/comments{{/number}}",
            "comments_url": f"{issue_url}/comments",
            "statuses_url": statuses,
            "number": issue.number,
            "state": issue.state,
            "locked": issue.locked,
            "title": issue.title,
            "user": self.user(issue.user),
            "body": issue.body,
            # pull-request(-simple) documents label descriptions as strings, never null (issues allow null)
            "labels": [{**lbl, "description": lbl.get("description") or ""} for lbl in self.issue_labels(repo, issue)],
            "milestone": None,
            "active_lock_reason": None,
            "created_at": issue.created_at,
            "updated_at": issue.updated_at,
            "closed_at": issue.closed_at,
            "merged_at": issue.closed_at if pr.merged else None,
            "merge_commit_sha": None,
            "assignee": None,
            "assignees": [],
            "requested_reviewers": [],
            "requested_teams": [],
            "head": self._pull_end(pr.head_repo, pr.head_ref, pr.head_sha),
            "base": self._pull_end(repo.full_name, pr.base_ref, pr.base_sha),
            "_links": _pull_links(url, html, issue_url, statuses),
            "author_association": self.association(repo, issue.user),
            "auto_merge": None,
            "draft": pr.draft,
        }
        if full:
            body.update(
                {
                    "merged": pr.merged,
                    "mergeable": None,
                    "rebaseable": None,
                    "mergeable_state": "unknown",
                    "merged_by": None,
                    "comments": len(issue.comments),
                    "review_comments": 0,
                    "maintainer_can_modify": pr.maintainer_can_modify,
                    "commits": 1,
                    "additions": 1,
                    "deletions": 1,
                    "changed_files": 1,
                }
            )
        return body

    def _pull_end(self, full_name: str, ref: str, sha: str) -> dict[str, Any]:
        owner = full_name.split("/")[0]
        return {
            "label": f"{owner}:{ref}",
            "ref": ref,
            "sha": sha,
            "user": self.user(owner),
            "repo": self.repository(full_name),
        }

    def ref(self, repo: Repo, ref: str, sha: str) -> dict[str, Any]:
        url = f"{self.api}/repos/{repo.full_name}/git/{ref}"
        return {
            "ref": ref,
            "node_id": node_id("Ref", zlib.crc32(ref.encode())),
            "url": url,
            "object": {"type": "commit", "sha": sha, "url": f"{self.api}/repos/{repo.full_name}/git/commits/{sha}"},
        }

    def branch(self, repo: Repo, name: str, sha: str) -> dict[str, Any]:
        commit_url = f"{self.api}/repos/{repo.full_name}/commits/{sha}"
        author = {"name": "octocat", "email": "octocat@github.com", "date": repo.created_at or EPOCH}
        return {
            "name": name,
            "protected": False,
            "protection": {
                "enabled": False,
                "required_status_checks": {"enforcement_level": "off", "contexts": [], "checks": []},
            },
            "protection_url": f"{self.api}/repos/{repo.full_name}/branches/{quote(name)}/protection",
            "_links": {
                "self": f"{self.api}/repos/{repo.full_name}/branches/{quote(name)}",
                "html": f"{WEB}/{repo.full_name}/tree/{name}",
            },
            "commit": {
                "sha": sha,
                "node_id": node_id("Commit", zlib.crc32(sha.encode())),
                "url": commit_url,
                "html_url": f"{WEB}/{repo.full_name}/commit/{sha}",
                "comments_url": f"{commit_url}/comments",
                "author": self.user("octocat"),
                "committer": self.user("octocat"),
                "parents": [],
                "commit": {
                    "author": author,
                    "committer": author,
                    "message": "Initial commit",
                    "comment_count": 0,
                    "url": f"{self.api}/repos/{repo.full_name}/git/commits/{sha}",
                    "tree": {"sha": sha[::-1], "url": f"{self.api}/repos/{repo.full_name}/git/trees/{sha[::-1]}"},
                },
            },
        }

    def content(self, repo: Repo, path: str, text: str | None) -> dict[str, Any]:
        """A file (text given) or a directory entry (text None)."""
        data = (text or "").encode()
        sha = "%040x" % zlib.crc32(data + path.encode())
        url = f"{self.api}/repos/{repo.full_name}/contents/{path}"
        kind = "dir" if text is None else "file"
        html = f"{WEB}/{repo.full_name}/{'tree' if text is None else 'blob'}/{repo.default_branch}/{path}"
        git = f"{self.api}/repos/{repo.full_name}/git/{'trees' if text is None else 'blobs'}/{sha}"
        body: dict[str, Any] = {
            "type": kind,
            "size": len(data),
            "name": path.rsplit("/", 1)[-1],
            "path": path,
            "sha": sha,
            "url": url,
            "git_url": git,
            "html_url": html,
            "download_url": None,
            "_links": {"self": url, "git": git, "html": html},
        }
        if text is not None:
            body["encoding"] = "base64"
            body["content"] = base64.encodebytes(data).decode()
            body["download_url"] = f"https://raw.githubusercontent.com/{repo.full_name}/{repo.default_branch}/{path}"
        return body

    def rate(self, limit: int, remaining: int, reset: int) -> dict[str, int]:
        return {"limit": limit, "remaining": remaining, "reset": reset, "used": limit - remaining}


def _repo_urls(url: str) -> dict[str, str]:
    templated = {
        "archive_url": "{archive_format}{/ref}",
        "assignees_url": "assignees{/user}",
        "blobs_url": "git/blobs{/sha}",
        "branches_url": "branches{/branch}",
        "collaborators_url": "collaborators{/collaborator}",
        "comments_url": "comments{/number}",
        "commits_url": "commits{/sha}",
        "compare_url": "compare/{base}...{head}",
        "contents_url": "contents/{+path}",
        "git_commits_url": "git/commits{/sha}",
        "git_refs_url": "git/refs{/sha}",
        "git_tags_url": "git/tags{/sha}",
        "issue_comment_url": "issues/comments{/number}",
        "issue_events_url": "issues/events{/number}",
        "issues_url": "issues{/number}",
        "keys_url": "keys{/key_id}",
        "labels_url": "labels{/name}",
        "milestones_url": "milestones{/number}",
        "notifications_url": "notifications{?since,all,participating}",
        "pulls_url": "pulls{/number}",
        "releases_url": "releases{/id}",
        "statuses_url": "statuses/{sha}",
        "trees_url": "git/trees{/sha}",
    }
    plain = (
        "contributors",
        "deployments",
        "downloads",
        "events",
        "forks",
        "hooks",
        "languages",
        "merges",
        "stargazers",
        "subscribers",
        "subscription",
        "tags",
        "teams",
    )
    return {**{key: f"{url}/{tail}" for key, tail in templated.items()}, **{f"{k}_url": f"{url}/{k}" for k in plain}}


def _pull_links(url: str, html: str, issue_url: str, statuses: str) -> dict[str, dict[str, str]]:
    return {
        "self": {"href": url},
        "html": {"href": html},
        "issue": {"href": issue_url},
        "comments": {"href": f"{issue_url}/comments"},
        "review_comments": {"href": f"{url}/comments"},
        "review_comment": {"href": f"{url.rsplit('/', 1)[0]}/comments{{/number}}"},
        "commits": {"href": f"{url}/commits"},
        "statuses": {"href": statuses},
    }


def _reactions(url: str) -> dict[str, Any]:
    counts = ("+1", "-1", "laugh", "confused", "heart", "hooray", "eyes", "rocket")
    return {"url": f"{url}/reactions", "total_count": 0, **{key: 0 for key in counts}}
