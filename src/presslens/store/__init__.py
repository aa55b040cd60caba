"""The corpus store: every analysed article with its full report, every finding as a typed row, full-text
search, outlet profiles and exports, on SQLite (default, one file) or PostgreSQL (for teams).

    from presslens.store import open_store, search_articles, Filters
    with open_store("corpus.db") as store:
        hits = search_articles(store, '"border service"', Filters(kind="attribution"))

See docs/CORPUS.md for the data model, the identity rule and the commands.
"""

from presslens.store.backend import StoreError, resolve_url
from presslens.store.export import export
from presslens.store.indexing import IndexSummary, index_items
from presslens.store.outlets import profiles
from presslens.store.schema import SCHEMA_VERSION
from presslens.store.search import Filters, QueryError, parse_query, search_articles, search_findings
from presslens.store.store import Store, load_report, open_store

__all__ = [
    "SCHEMA_VERSION",
    "Filters",
    "IndexSummary",
    "QueryError",
    "Store",
    "StoreError",
    "export",
    "index_items",
    "load_report",
    "open_store",
    "parse_query",
    "profiles",
    "resolve_url",
    "search_articles",
    "search_findings",
]
