// Package data holds byline's domain types and its store: one embedded
// SQLite file (modernc.org/sqlite, no cgo) with an FTS5 index. It imports
// nothing else of byline's; feed and ui import it.
package data

import "time"

// Article is one news article as byline keeps it.
type Article struct {
	ID  int64  // row id in the store; 0 before it is stored
	Key string // identity: the source's id or URL, else "sha256:" + hash of the normalised content

	Title     string
	Place     string // dateline place ("DAMASCUS"), shown apart from the text
	Source    string // publication or feed name
	Author    string
	URL       string
	Published time.Time // zero when unknown
	Added     time.Time // when it entered the store

	// Body is the text shown: paragraphs separated by one blank line
	// ("\n\n"), paragraph breaks restored, dateline and repeated lead removed.
	// Quote offsets are byte offsets into Body.
	Body string
	// Raw is the original bytes exactly as read (file or HTTP body): nothing lost.
	Raw []byte
	// Origin says where the article came from: a file path (and line, for
	// JSON Lines) or a feed item URL.
	Origin string

	Read    bool
	Starred bool

	Quotes []Quote // attributions found in Body, in text order
}

// ArticleSummary is what the list shows: no body, no raw bytes.
type ArticleSummary struct {
	ID         int64
	Title      string
	Place      string
	Source     string
	Author     string
	URL        string
	Published  time.Time
	Read       bool
	Starred    bool
	QuoteCount int
}

// QuoteKind says how a quotation is reported.
type QuoteKind string

const (
	Direct   QuoteKind = "direct"   // the whole content is inside quote marks
	Mixed    QuoteKind = "mixed"    // reported speech containing a quoted fragment
	Indirect QuoteKind = "indirect" // reported speech without quote marks
)

// Span is a byte range into a text, End excluded. A missing span is {-1, -1}.
type Span struct {
	Start, End int
}

// NoSpan marks a missing part (no cue, no source).
var NoSpan = Span{-1, -1}

// Valid reports whether the span is present.
func (s Span) Valid() bool { return s.Start >= 0 && s.End >= s.Start }

// Quote is one attribution: who said what, where in the article.
type Quote struct {
	ID        int64
	ArticleID int64

	Text    string // the content
	Content Span   // the content span in Article.Body
	Kind    QuoteKind

	Cue     string // "said", "told", "according to"
	CueSpan Span

	Source     string // the words naming the speaker ("he", "Mr Alkhatib"), or ""
	SourceSpan Span

	Speaker string // resolved canonical name within the article ("Moaz Alkhatib"), or ""
	Role    string // "the Syrian National Coalition leader", or ""
}

// QuoteRow is a quote with its article and canonical speaker, as the quote
// pane and `byline quotes` show it.
type QuoteRow struct {
	Quote
	SpeakerID    int64 // canonical speaker across articles; 0 when none
	ArticleTitle string
	Published    time.Time
}

// Speaker is a canonical speaker across the whole store.
type Speaker struct {
	ID       int64
	Name     string   // the fullest form ("Tony Blair")
	Aliases  []string // other forms merged into it ("Blair", "Mr Blair")
	Roles    []string
	Quotes   int // number of quotes
	Articles int // number of articles quoting it
}

// SearchHit is one full-text search result.
type SearchHit struct {
	ArticleSummary
	Snippet string // a short excerpt with the match
	Rank    float64
}
