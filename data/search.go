package data

import (
	"context"
	"fmt"
	"strings"
	"unicode"
)

// Match markers around the matched words in a SearchHit snippet: private-use
// characters that never occur in article text, so a view can style them.
const (
	MatchStart = "\uE000"
	MatchEnd   = "\uE001"
)

// Search finds articles matching query over title and body with the FTS5
// index, best first (BM25, the title weighted above the body). The query is
// taken as words, all of which must match; a trailing "*" on a word matches
// it as a prefix, and `"a phrase"` matches a phrase.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	return s.SearchFrom(ctx, query, 0, limit)
}

// SearchFrom is Search from the hit after the first offset: a page of
// hits further down, with snippets made for that page only (every match is
// ranked again, as for the first page).
func (s *Store) SearchFrom(ctx context.Context, query string, offset, limit int) ([]SearchHit, error) {
	match := FTSQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.db.QueryContext(ctx, searchQuery, match, limit, MatchStart, MatchEnd, max(0, offset))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []SearchHit
	for rows.Next() {
		var h SearchHit
		it, err := scanSummary(rows, &h.Snippet, &h.Rank)
		if err != nil {
			return nil, err
		}
		h.ArticleSummary = it.ArticleSummary
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// searchQuery ranks every match by BM25 alone in a subquery, keeps the
// best, and makes snippets, and reads article rows, for those only: a
// snippet tokenizes the whole text, and one query made one for each match
// that entered its running top of the list. The outer query finds the
// hits again in a second pass over the matches, without ranking them
// (their rowid is not handed to FTS5, as "+" says: a MATCH by rowid opens
// the index afresh for each row), since snippet() works only on the rows
// of a MATCH. Ties in rank go by rowid, as in the one query's sort.
const searchQuery = `SELECT ` + summaryColumnsOfA + `,
	snippet(article_text, 1, ?3, ?4, '…', 16), bm25(article_text, 10.0, 1.0) AS rank
	FROM article_text CROSS JOIN articles a ON a.id = article_text.rowid
	WHERE article_text MATCH ?1 AND +article_text.rowid IN (SELECT rowid FROM article_text
		WHERE article_text MATCH ?1 ORDER BY bm25(article_text, 10.0, 1.0), rowid LIMIT ?2 OFFSET ?5)
	ORDER BY rank, article_text.rowid`

// FTSQuery turns what a user typed into an FTS5 query that cannot be a
// syntax error: every word is quoted, a word ending in * stays a prefix
// query, double-quoted phrases stay phrases.
func FTSQuery(input string) string {
	var parts []string
	rest := input
	for {
		rest = strings.TrimSpace(rest)
		if rest == "" {
			break
		}
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			var phrase string
			if end < 0 {
				phrase, rest = rest[1:], ""
			} else {
				phrase, rest = rest[1:1+end], rest[2+end:]
			}
			if words := ftsWords(phrase); len(words) > 0 {
				parts = append(parts, `"`+strings.Join(words, " ")+`"`)
			}
			continue
		}
		end := strings.IndexFunc(rest, unicode.IsSpace)
		word := rest
		if end >= 0 {
			word, rest = rest[:end], rest[end:]
		} else {
			rest = ""
		}
		prefix := strings.HasSuffix(word, "*")
		for i, w := range ftsWords(word) {
			p := `"` + w + `"`
			if prefix && i == len(ftsWords(word))-1 {
				p += "*"
			}
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

// ftsWords splits text into the words the unicode61 tokenizer would index.
func ftsWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r < 0x80
	})
}
