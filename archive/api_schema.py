"""The OpenAPI 3.1 description of the JSON API, served at /api/schema/ and /api/docs/.

Kept by hand next to the views (archive/api.py); tests validate live answers against the
component schemas, so a change to an answer that is not made here fails.
"""

NULLABLE_STRING = {"type": ["string", "null"]}
CURSOR = {
    "name": "cursor",
    "in": "query",
    "schema": {"type": "string"},
    "description": (
        "Opaque keyset position: take it from the “next” URL of the previous answer (empty:"
        " from the start). No cap on how far a walk goes. A cursor of another search is"
        " refused (400); a relevance cursor of an index that has changed since is expired"
        " (410): start again."
    ),
}
LIMIT = {
    "name": "limit",
    "in": "query",
    "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 50},
}
SEARCH_PARAMETERS = [
    {
        "name": "q",
        "in": "query",
        "schema": {"type": "string"},
        "description": "Words, “phrases”, -exclude.",
    },
    {
        "name": "country",
        "in": "query",
        "schema": {"type": "string"},
        "description": "ISO code (repeatable).",
    },
    {
        "name": "person",
        "in": "query",
        "schema": {"type": "string"},
        "description": "Person slug (repeatable).",
    },
    {
        "name": "org",
        "in": "query",
        "schema": {"type": "string"},
        "description": "Organization slug (repeatable).",
    },
    {"name": "source", "in": "query", "schema": {"type": "string"}, "description": "Outlet slug."},
    {
        "name": "language",
        "in": "query",
        "schema": {"type": "string"},
        "description": "ISO 639-1 language code (ko, en).",
    },
    {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
    {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
    {"name": "sort", "in": "query", "schema": {"enum": ["relevance", "newest", "oldest"]}},
]


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def answer(name: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ref(name)}}}


ERRORS = {
    "400": answer("Error", "A bad parameter."),
    "429": answer("Error", "Too many requests (see Retry-After)."),
}
CURSOR_ERRORS = {
    **ERRORS,
    "410": answer("Error", "Cursor expired: the index changed; start again."),
    "503": answer("Error", "The search index needs repair."),
}
FACET_VALUE = {
    "type": "object",
    "required": ["value", "label", "count", "selected"],
    "properties": {
        "value": {"type": "string"},
        "label": {"type": "string"},
        "count": {"type": "integer", "minimum": 0},
        "selected": {"type": "boolean"},
    },
}

SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string"}},
    },
    "ActorRef": {
        "type": "object",
        "required": ["kind", "id", "name", "api_url"],
        "properties": {
            "kind": {"enum": ["person", "country", "organization"]},
            "id": {"type": "string", "description": "Slug, or ISO code for countries."},
            "name": {"type": "string"},
            "api_url": {"type": "string"},
            "articles": {"type": "integer", "minimum": 0},
            "mentions": {"type": "integer", "minimum": 0},
        },
    },
    "ArticleSummary": {
        "type": "object",
        "required": ["id", "title", "outlet", "published", "url", "api_url", "page_url"],
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "outlet": NULLABLE_STRING,
            "published": {"type": ["string", "null"], "format": "date-time"},
            "url": {"type": ["string", "null"], "description": "The original, if http(s)."},
            "api_url": {"type": "string"},
            "page_url": {"type": "string"},
            "actors": {"type": "array", "items": ref("ActorRef")},
        },
    },
    "ArticleDetail": {
        "allOf": [
            ref("ArticleSummary"),
            {
                "type": "object",
                "required": ["text", "language", "author", "dateline", "actors", "versions"],
                "properties": {
                    "text": {"type": "string"},
                    "language": {"type": "string"},
                    "author": {"type": "string"},
                    "dateline": {"type": "string"},
                    "actors": {"type": "array", "items": ref("ActorRef")},
                    "versions": {"type": "array", "items": ref("ArticleSummary")},
                },
            },
        ]
    },
    "ArticlePage": {
        "type": "object",
        "required": ["results", "next"],
        "properties": {
            "results": {"type": "array", "items": ref("ArticleSummary")},
            "next": NULLABLE_STRING,
        },
    },
    "SearchHit": {
        "type": "object",
        "required": ["id", "title", "url", "source_url", "safe_url", "published", "source"],
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "url": {"type": "string", "description": "The article's page here."},
            "source_url": {
                "type": ["string", "null"],
                "description": "The original as stored: never follow it unchecked.",
            },
            "safe_url": {"type": ["string", "null"], "description": "The original, if http(s)."},
            "published": {"type": ["string", "null"], "format": "date-time"},
            "source": NULLABLE_STRING,
            "snippet": {"type": "string", "description": "HTML: escaped text, <mark> words."},
        },
    },
    "SearchPage": {
        "type": "object",
        "required": ["count", "page", "pages", "results", "facets", "suggestion", "next"],
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": ["integer", "null"], "description": "null when paged by cursor"},
            "pages": {"type": ["integer", "null"], "description": "null when paged by cursor"},
            "results": {"type": "array", "items": ref("SearchHit")},
            "facets": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": FACET_VALUE},
            },
            "suggestion": NULLABLE_STRING,
            "next": {
                "type": ["string", "null"],
                "description": "The cursor URL of the hits that follow, or null at the end.",
            },
        },
    },
    "ActorPage": {
        "type": "object",
        "required": ["results", "next"],
        "properties": {
            "results": {"type": "array", "items": ref("ActorRef")},
            "next": NULLABLE_STRING,
        },
    },
    "ActorDetail": {
        "allOf": [
            ref("ActorRef"),
            {
                "type": "object",
                "required": ["aliases", "articles", "co_mentioned", "per_month"],
                "properties": {
                    "aliases": {"type": "array", "items": {"type": "string"}},
                    "articles": {"type": "integer", "minimum": 0},
                    "co_mentioned": {"type": "array", "items": ref("ActorRef")},
                    "per_month": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["month", "articles"],
                            "properties": {
                                "month": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"},
                                "articles": {"type": "integer", "minimum": 1},
                            },
                        },
                    },
                },
            },
        ]
    },
}

SCHEMA = {
    "openapi": "3.1.0",
    "info": {
        "title": "Peninsula API",
        "version": "1",
        "description": "Korean-peninsula news: search, articles, actors. Read-only JSON.",
    },
    "paths": {
        "/api/search/": {
            "get": {
                "summary": "A search: count, facets, suggestion, one page of hits with snippets",
                "description": (
                    "Paged by “page” (at most 500, as the search page) or by “cursor” (no cap;"
                    " not both). Either way “next” is the cursor URL of the hits that follow."
                ),
                "parameters": [
                    *SEARCH_PARAMETERS,
                    {
                        "name": "page",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 500},
                    },
                    CURSOR,
                    {**LIMIT, "schema": {**LIMIT["schema"], "default": 20}},
                ],
                "responses": {"200": answer("SearchPage", "One page of hits."), **CURSOR_ERRORS},
            }
        },
        "/api/articles/": {
            "get": {
                "summary": "Every article a search matches, cursor-paged (no cap)",
                "description": "Same search parameters as /api/search/; follow “next” to the end.",
                "parameters": [*SEARCH_PARAMETERS, CURSOR, LIMIT],
                "responses": {
                    "200": answer("ArticlePage", "A page of matches."),
                    **CURSOR_ERRORS,
                },
            }
        },
        "/api/articles/{id}/": {
            "get": {
                "summary": "One article: text, metadata, actors, other versions",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
                ],
                "responses": {
                    "200": answer("ArticleDetail", "The article."),
                    "404": answer("Error", "No such article."),
                    "429": ERRORS["429"],
                },
            }
        },
        "/api/actors/": {
            "get": {
                "summary": "Actors by id, cursor-paged, with their article counts",
                "parameters": [
                    {
                        "name": "kind",
                        "in": "query",
                        "schema": {"enum": ["person", "country", "organization"]},
                    },
                    CURSOR,
                    LIMIT,
                ],
                "responses": {"200": answer("ActorPage", "A page of actors."), **ERRORS},
            }
        },
        "/api/actors/{kind}/{slug}/": {
            "get": {
                "summary": "One actor: aliases, counts, co-mentions, monthly counts",
                "parameters": [
                    {
                        "name": "kind",
                        "in": "path",
                        "required": True,
                        "schema": {"enum": ["person", "country", "organization"]},
                    },
                    {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": answer("ActorDetail", "The actor."),
                    "404": answer("Error", "No such actor."),
                    "429": ERRORS["429"],
                },
            }
        },
    },
    "components": {"schemas": SCHEMAS},
}
