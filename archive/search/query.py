"""The query language of the search box, for news as people type it.

- Words must all occur (stemmed, accents folded: the fields' own analyzer does that);
  lower-case "and", "or", "not" are ordinary (stop) words.
- ``"a phrase"`` (straight or curly quotes) matches the words in order; an unclosed quote runs
  to the end.
- ``-word``, ``-"a phrase"``, ``-(a OR b)`` and ``NOT x`` exclude; a double negation cancels.
- ``OR`` (capitals) between two parts matches either; it binds tighter than the implicit AND, so
  ``korea missile OR rocket`` is korea AND (missile OR rocket). ``AND`` (capitals) is allowed
  and changes nothing. Parentheses group.
- A hyphen or apostrophe *inside* a word joins its parts: ``inter-Korean`` is the phrase
  "inter korean" or the word interkorean; ``P'yŏngyang`` is "p yongyang" or pyongyang. A
  capitalised word directly before a capitalised joined word is part of the same name:
  ``Kim Jong-un`` is "kim jong un" or "kim jongun", never Kim Jong Il.
- Everything else is literal text: ``title:kim``, ``kim*``, ``kim^3``,
  ``published:[2020 TO 2021]`` are searched as the words they contain, never as fields,
  wildcards, boosts or ranges.

Any string gives a Whoosh query: ``Every()`` for an empty box, ``NullQuery`` when nothing in it
is searchable (only stop words or punctuation). Odd input (dangling operators, unbalanced
parentheses or quotes, chains of NOT) is read as far as it makes sense, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh.query import And, AndNot, Every, Not, NullQuery, Or, Phrase, Term

from archive.search.analysis import HANGUL_WORD_RE, TOKEN_RE, noun_reading
from archive.search.request import MAX_QUERY_CHARS
from archive.search.vocabulary import FACET_FIELDS

QUOTES = '"“”„'
OPERATORS = ("AND", "OR", "NOT")
# Parentheses nested deeper than this are ignored (the parser recurses once per level).
MAX_DEPTH = 20
# A run of more words than this is never taken for an actor's name.
MAX_NAME_WORDS = 4
# A hyphen or apostrophe between two letters or digits joins a word's parts.
JOINER_RE = re.compile(r"(?<=\w)[-\u2010\u2011'\u2018\u2019\u02bc](?=\w)")


def clean_user_query(q: str) -> str:
    """Drop control characters (NUL included) and cap the length."""
    q = "".join(ch if ch.isprintable() else " " for ch in q or "")
    return q[:MAX_QUERY_CHARS].strip()


def query_words(q: str) -> list[str]:
    return TOKEN_RE.findall(q)


def query_terms(query) -> set[str]:
    """The indexed forms of the words of a query, for highlighting (not the facet values an
    expanded query also matches)."""
    terms = set()
    for fieldname, text in query.iter_all_terms(phrases=True):
        if fieldname not in FACET_FIELDS:
            terms.add(text.decode() if isinstance(text, bytes) else text)
    return terms


def parse_user_query(q: str, schema, fieldnames: list[str]):
    """The Whoosh query for what was typed in the search box, searched in ``fieldnames``."""
    return expand_user_query(q, schema, fieldnames, None)[0]


def expand_user_query(q: str, schema, fieldnames: list[str], actors) -> tuple:
    """(query, actors added): as ``parse_user_query``, but a run of words that names actors
    (``actors``: an ``expansion.ActorNames``, or None for none) matches its words or any
    article indexed with those actors."""
    q = clean_user_query(q)
    if not q:
        return Every(), []
    parser = Parser(lex(q), Leaves(schema, fieldnames), actors)
    built = parser.parse()
    return (NullQuery if built is None else built.normalize()), parser.expanded


# -- lexing ---------------------------------------------------------------------------------


@dataclass
class Token:
    """``kind`` is one of ``( ) op neg phrase word``. A word's ``parts`` are its joined parts,
    the first ``head`` of them separate words before it (the surname of ``Kim Jong-un``)."""

    kind: str
    text: str = ""
    parts: list[str] = field(default_factory=list)
    head: int = 0


def lex(q: str) -> list[Token]:
    return join_names(balance(list(raw_tokens(q))))


def raw_tokens(q: str):
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
        elif c in "()":
            yield Token(c)
            i += 1
        elif c in QUOTES:
            end = next((j for j in range(i + 1, n) if q[j] in QUOTES), n)
            yield Token("phrase", q[i + 1 : end])
            i = end + 1
        elif c in "-+":
            end = signs(q, i)
            if end < n and not q[end].isspace() and "-" in q[i:end]:
                yield Token("neg")
            i = end
        else:
            end = next((j for j in range(i, n) if q[j].isspace() or q[j] in "()" + QUOTES), n)
            yield word_token(q[i:end])
            i = end


def signs(q: str, i: int) -> int:
    """The index after a run of leading ``-``/``+`` signs."""
    while i < len(q) and q[i] in "-+":
        i += 1
    return i


def word_token(chunk: str) -> Token:
    if chunk in OPERATORS:
        return Token("op", chunk)
    return Token("word", chunk, JOINER_RE.split(chunk))


def balance(tokens: list[Token]) -> list[Token]:
    """Drop unmatched ``)`` and parentheses nested deeper than ``MAX_DEPTH``."""
    kept, stack = [], []
    for token in tokens:
        if token.kind == "(":
            stack.append(len(stack) < MAX_DEPTH)
            if stack[-1]:
                kept.append(token)
        elif token.kind == ")":
            if stack and stack.pop():
                kept.append(token)
        else:
            kept.append(token)
    return kept


def join_names(tokens: list[Token]) -> list[Token]:
    """``Kim Jong-un``: a capitalised word before a capitalised joined word is one name."""
    out: list[Token] = []
    for token in tokens:
        prev = out[-1] if out else None
        if is_joined_name(token) and prev and is_plain_name(prev):
            out[-1] = Token("word", f"{prev.text} {token.text}", [prev.text, *token.parts], 1)
        else:
            out.append(token)
    return out


def is_joined_name(token: Token) -> bool:
    return token.kind == "word" and len(token.parts) > 1 and token.text[:1].isupper()


def is_plain_name(token: Token) -> bool:
    return token.kind == "word" and token.text.isalpha() and token.text[:1].isupper()


# -- parsing --------------------------------------------------------------------------------


class Parser:
    """Recursive descent over the tokens: sequence := either+ ; either := unary (OR unary)* ;
    unary := (NOT | -)* primary ; primary := ( sequence ) | phrase | word.
    Each rule returns a query, or None when it holds nothing searchable."""

    def __init__(self, tokens: list[Token], leaves: Leaves, actors=None):
        self.tokens, self.pos, self.leaves = tokens, 0, leaves
        self.actors, self.expanded = actors, []

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> Token:
        self.pos += 1
        return self.tokens[self.pos - 1]

    def parse(self):
        query = self.sequence()
        while self.peek() is not None:  # only a stray ")" can stop a sequence early
            self.take()
            query = conjunction([query, self.sequence()])
        return query

    def sequence(self):
        items = []
        while (token := self.peek()) is not None and token.kind != ")":
            if token.kind == "op" and token.text in ("AND", "OR"):
                self.take()  # AND is implicit; an OR with nothing before it is dangling
                continue
            items.append(self.either())
        return conjunction(items)

    def either(self):
        items = [self.unary()]
        while (token := self.peek()) is not None and token.kind == "op" and token.text == "OR":
            self.take()
            if not self.starts_unary(self.peek()):
                break  # a dangling OR
            items.append(self.unary())
        items = [q for q in items if q is not None]
        return items[0] if len(items) == 1 else (Or(items) if items else None)

    @staticmethod
    def starts_unary(token: Token | None) -> bool:
        return (
            token is not None
            and (token.kind != "op" or token.text == "NOT")
            and (token.kind != ")")
        )

    def unary(self):
        negations = 0
        while (token := self.peek()) is not None and (
            token.kind == "neg" or (token.kind == "op" and token.text == "NOT")
        ):
            self.take()
            negations += 1
        if not self.starts_primary(self.peek()):
            return None  # NOT or - with nothing after it
        query = self.primary()
        return negate(query) if negations % 2 and query is not None else query

    @staticmethod
    def starts_primary(token: Token | None) -> bool:
        return token is not None and token.kind in ("(", "phrase", "word")

    def primary(self):
        token = self.take()
        if token.kind == "(":
            query = self.sequence()
            if self.peek() is not None:
                self.take()  # the closing ")"
            return query
        if self.actors is not None:
            expanded = self.naming(token)
            if expanded is not None:
                return expanded
        return self.literal(token)

    def literal(self, token: Token):
        if token.kind == "phrase":
            return self.leaves.phrase(token.text)
        return self.leaves.word(token)

    def naming(self, first: Token):
        """The longest run of words from ``first`` on that names actors, as its words or the
        actors' facet values; None if no run names any."""
        run = [first]
        while first.kind == "word" and len(run) < MAX_NAME_WORDS:
            token = self.peek_at(len(run) - 1)
            if token is None or token.kind != "word":
                break
            run.append(token)
        for size in range(len(run), 0, -1):
            actors = self.actors.named(" ".join(token.text for token in run[:size]))
            if actors:
                self.pos += size - 1
                self.expanded.extend(a for a in actors if a not in self.expanded)
                words = conjunction([self.literal(token) for token in run[:size]])
                facets = [Term(actor.field, actor.value) for actor in actors]
                return Or([words, *facets] if words is not None else facets)
        return None

    def peek_at(self, ahead: int) -> Token | None:
        at = self.pos + ahead
        return self.tokens[at] if at < len(self.tokens) else None


def negate(query):
    return query.query if isinstance(query, Not) else Not(query)


def conjunction(items: list):
    """All of ``items``: the positive ones AND-ed, the negated ones excluded."""
    items = [q for q in items if q is not None]
    positive = [q for q in items if not isinstance(q, Not)]
    negative = [q.query for q in items if isinstance(q, Not)]
    excluded = (negative[0] if len(negative) == 1 else Or(negative)) if negative else None
    if not positive:
        return Not(excluded) if excluded is not None else None
    query = positive[0] if len(positive) == 1 else And(positive)
    return AndNot(query, excluded) if excluded is not None else query


# -- leaves ---------------------------------------------------------------------------------


class Leaves:
    """Words and phrases as Whoosh queries over several fields, analysed as each field is."""

    def __init__(self, schema, fieldnames: list[str]):
        self.schema = schema
        self.fieldnames = [name for name in fieldnames if name in schema]

    def analyse(self, fieldname: str, text: str) -> list[str]:
        return list(self.schema[fieldname].process_text(text, mode="query"))

    def word(self, token: Token):
        """A word; a joined word is the phrase of its parts or the parts written together."""
        if len(token.parts) == 1:
            return self.each_field(self.single, token.text)
        spaced = " ".join(token.parts)
        closed = " ".join([*token.parts[: token.head], "".join(token.parts[token.head :])])
        alternatives = [q for q in (self.phrase(spaced), self.phrase(closed)) if q is not None]
        return Or(alternatives) if alternatives else None

    def phrase(self, text: str):
        return self.each_field(self.in_order, text)

    def each_field(self, build, text: str):
        queries = [q for name in self.fieldnames if (q := build(name, text)) is not None]
        return Or(queries) if queries else None

    def single(self, fieldname: str, text: str):
        """One typed word; if the analyser splits it (``title:kim``, Hangul), all its pieces.
        A Hangul word read as a verb is also searched as the noun it may be (배우는)."""
        terms = [Term(fieldname, t) for t in self.analyse(fieldname, text)]
        query = terms[0] if len(terms) == 1 else (And(terms) if terms else None)
        noun = noun_reading(text) if query is not None else ""
        return Or([query, Term(fieldname, noun)]) if noun else query

    def in_order(self, fieldname: str, text: str):
        words = self.analyse(fieldname, text)
        if len(words) > 1:
            closed = self.written_together(fieldname, text)
            phrase = Phrase(fieldname, words)
            return Or([phrase, closed]) if closed is not None else phrase
        return Term(fieldname, words[0]) if words else None

    def written_together(self, fieldname: str, text: str):
        """Korean is spaced inconsistently (김정은 동지, 김정은동지): a phrase of Hangul words
        also matches them written as one word, when that is one unit of the analysis."""
        joined = "".join(text.split())
        if not HANGUL_WORD_RE.fullmatch(joined):
            return None
        words = self.analyse(fieldname, joined)
        return Term(fieldname, words[0]) if len(words) == 1 else None
