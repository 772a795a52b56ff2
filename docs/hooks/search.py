"""Build hook: Chinese search finds words inside jieba's compounds and splits at Chinese
punctuation (see the comment below)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from site_model import glossary

# ---------------------------------------------------------------------------
# Chinese search
# ---------------------------------------------------------------------------
#
# Material's search plugin cuts Chinese text into words with jieba at build
# time (joined by zero-width spaces), and the browser's lunr index holds those
# words. lunr matches a query word only as the *start* of an indexed word
# (Material appends a trailing "*", never a leading one), and Material's
# query-side segmenter only splits a query into pieces that are themselves
# indexed words. So a page whose text has 进程 only inside jieba's compounds
# 子进程, 多进程 or 启动子进程 is never found by 进程, nor one with 锁 only in
# 死锁 or 加锁 by 锁. Second cause: jieba segments only runs of Han characters,
# and the separator splits on ASCII punctuation only, so "fork、spawn" and
# "（GIL）" stay single words that the queries spawn and GIL miss.
#
# Fix, after the search plugin has written its index: split words at Chinese
# punctuation too (the separator is shared by indexing and querying), and give
# each entry a field that readers never see, holding the words hidden inside
# its compounds: jieba's search-engine sub-words (进程 in 子进程) and every
# glossary term the entry's text contains. A query's first piece is a prefix
# of the query, so it is a prefix of such a word wherever the page contains the
# query. The index is also written as UTF-8 instead of \uXXXX escapes, a third
# smaller, which more than pays for the new field.

#: Chinese punctuation: CJK symbols (、。「」《》...), full-width forms (（），：；！？...),
#: and the curly quotes, dashes and ellipsis Chinese text uses.
CJK_PUNCTUATION = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2010-\u2027"
SUBWORDS_FIELD = "subwords"
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
TAG = re.compile(r"<[^>]+>")


def _with_cjk_punctuation(separator: str) -> str:
    """The search separator, also splitting at Chinese punctuation."""
    if CJK_PUNCTUATION in separator:
        return separator
    return f"[{CJK_PUNCTUATION}]+|{separator}"


def _glossary_words(lang: str) -> set[str]:
    """The Han-character words of every glossary term of ``lang``, short forms included."""
    words: set[str] = set()
    for term in glossary()["terms"]:
        for form in [term[lang], *term.get("also", {}).get(lang, [])]:
            words.update(HAN_RUN.findall(form))
    return words


def _subwords(doc: dict, glossary: set[str]) -> str:
    """The words inside ``doc``'s compounds that a query can miss, space-separated."""
    import jieba

    text = TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")
    words = {
        word for piece in text.split("\u200b") for word in HAN_RUN.findall(piece)
    }  # jieba's words: each run between two zero-width spaces
    plain = text.replace("\u200b", "")
    hidden = {w for word in words if len(word) > 2 for w in jieba.cut_for_search(word)}
    hidden |= {term for term in glossary if term in plain}
    return " ".join(sorted(hidden - words))


def _search_index(config) -> Path | None:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or not search.config.get("enabled", True):
        return None
    path = Path(config.site_dir) / "search" / "search_index.json"
    return path if path.is_file() else None


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config, **kwargs):
    path = _search_index(config)
    if path is None:
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index["config"]["separator"] = _with_cjk_punctuation(index["config"]["separator"])
    language = (config.theme.get("language") or "en").split("_")[0]
    if language == "zh":
        glossary = _glossary_words("zh")
        index["config"]["fields"][SUBWORDS_FIELD] = {"boost": 1.0}
        for doc in index["docs"]:
            hidden = _subwords(doc, glossary)
            if hidden:
                doc[SUBWORDS_FIELD] = hidden
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
