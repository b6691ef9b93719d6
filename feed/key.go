package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"byline/data"
)

// Key returns the identity of an article, used to find duplicates:
//
//   - "url:" + the normalised URL, when the article has a URL;
//   - else "id:" + sourceID when the source gave an id, namespaced by the
//     article's Source when set ("id:" + Source + "/" + sourceID), since ids
//     are only unique within one source;
//   - else "sha256:" + the hex SHA-256 of the title and body with whitespace
//     collapsed (case kept).
//
// A URL is preferred to an id: it is the same for an article re-exported by
// another tool, where ids differ.
func Key(a data.Article, sourceID string) string {
	if u := NormaliseURL(a.URL); u != "" {
		return "url:" + u
	}
	if id := strings.TrimSpace(sourceID); id != "" {
		if src := strings.TrimSpace(a.Source); src != "" {
			return "id:" + src + "/" + id
		}
		return "id:" + id
	}
	return contentKey(a, "")
}

// fileKey is the identity of an article read from a text file with no URL
// or id: a hash of its normalised content and the file's base name. Two
// files holding the same text (the BBC corpus has 98 such pairs) stay two
// articles, while the same file imported again, from any folder, is a
// duplicate.
func fileKey(a data.Article, path string) string {
	if u := NormaliseURL(a.URL); u != "" {
		return "url:" + u
	}
	return contentKey(a, filepath.Base(path))
}

func contentKey(a data.Article, name string) string {
	text := make([]byte, 0, len(a.Title)+len(a.Body)+len(name)+2)
	text = appendCollapsed(text, a.Title)
	text = append(text, '\n')
	text = appendCollapsed(text, a.Body)
	if name != "" {
		text = append(text, 0)
		text = append(text, name...)
	}
	sum := sha256.Sum256(text)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// NormaliseURL returns u in a form where the same page gives the same
// string: scheme and host lower-cased, default port, fragment, "utm_*"
// tracking parameters and a trailing slash dropped, query sorted. A string
// that does not parse as an absolute URL is returned trimmed.
func NormaliseURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Host)
	switch {
	case u.Scheme == "http" && strings.HasSuffix(host, ":80"):
		host = strings.TrimSuffix(host, ":80")
	case u.Scheme == "https" && strings.HasSuffix(host, ":443"):
		host = strings.TrimSuffix(host, ":443")
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			if strings.HasPrefix(strings.ToLower(k), "utm_") {
				delete(q, k)
			}
		}
		keys := make([]string, 0, len(q))
		for k := range q {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			for _, v := range q[k] {
				parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v))
			}
		}
		u.RawQuery = strings.Join(parts, "&")
	}
	u.ForceQuery = false
	if len(u.Path) > 1 {
		u.Path = strings.TrimSuffix(u.Path, "/")
		u.RawPath = ""
	}
	if u.Path == "/" {
		u.Path = ""
	}
	return u.String()
}

// appendCollapsed appends collapseSpace(s) to dst without building that
// string: a key is hashed for every article imported, so runs of ASCII are
// found a byte at a time and copied whole.
func appendCollapsed(dst []byte, s string) []byte {
	wrote, space := false, false // a word written; whitespace since it
	for i := 0; i < len(s); {
		// A run of ASCII words each followed by one space and another
		// word is copied as it is: most of a text.
		j := i
		for j < len(s) && s[j] < utf8.RuneSelf {
			if asciiSpace[s[j]] {
				if j > i && s[j] == ' ' && j+1 < len(s) && s[j+1] < utf8.RuneSelf && !asciiSpace[s[j+1]] {
					j += 2
					continue
				}
				break
			}
			j++
		}
		if j == i { // whitespace, or a rune outside ASCII
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				space = wrote
				i += size
				continue
			}
			j = i + size
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, s[i:j]...)
		wrote = true
		i = j
	}
	return dst
}

// asciiSpace is unicode.IsSpace for the ASCII bytes.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// collapseSpace trims s and turns every run of whitespace into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
