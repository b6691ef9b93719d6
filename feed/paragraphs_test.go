package feed

import (
	"strings"
	"testing"
)

func TestRestoreParagraphs(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"glued", "He left.She stayed.", "He left.\n\nShe stayed."},
		{"question", "Why?Because.", "Why?\n\nBecause."},
		{"exclamation", "Go!Now.", "Go!\n\nNow."},
		{"normal space kept", "He left. She stayed.", "He left. She stayed."},
		{"quote opens next", `"Yes," he said."No," she said.`, `"Yes," he said.` + "\n\n" + `"No," she said.`},
		{"quote closes", `"Will it end?"Mr Smith asked.`, `"Will it end?"` + "\n\n" + `Mr Smith asked.`},
		{"seed pair", `"If so, Syria," he said."There is a question. Will it?"Mr Alkhatib left.`,
			`"If so, Syria," he said.` + "\n\n" + `"There is a question. Will it?"` + "\n\n" + `Mr Alkhatib left.`},
		{"curly quotes", "he said.“Yes.”Then he left.", "he said.\n\n“Yes.”\n\nThen he left."},
		{"curly close open", "native-born.”“Your facts", "native-born.”\n\n“Your facts"},
		{"paren", "(It was late.)Then he left.", "(It was late.)\n\nThen he left."},
		{"accented capital", "in Paris.Élodie said", "in Paris.\n\nÉlodie said"},
		{"U.S.", "The U.S. and U.S.Army and the U.N.Security Council", "The U.S. and U.S.Army and the U.N.Security Council"},
		{"initials", "J.K.Rowling and J.R.R.Tolkien", "J.K.Rowling and J.R.R.Tolkien"},
		{"single initial", "author A.Smith wrote", "author A.Smith wrote"},
		{"decimal", "rose 3.5% and No.1 in 2.5m", "rose 3.5% and No.1 in 2.5m"},
		{"abbreviations", "Mr.Smith met Dr.Who and St.Louis, Prof.X, Gen.Lee", "Mr.Smith met Dr.Who and St.Louis, Prof.X, Gen.Lee"},
		{"e.g. i.e.", "things e.g.Apples i.e.Fruit", "things e.g.Apples i.e.Fruit"},
		{"a.m.", "at 9 a.m.Monday", "at 9 a.m.Monday"},
		{"Ph.D", "a Ph.D.Student", "a Ph.D.Student"},
		{"D.C.", "in Washington, D.C.The Senate", "in Washington, D.C.The Senate"},
		{"state abbreviation", "Rep. Steve Israel (D-N.Y.) said", "Rep. Steve Israel (D-N.Y.) said"},
		{"domain", "see www.BBC.co.uk for more", "see www.BBC.co.uk for more"},
		{"domain capital", "visit News.BBC.co.uk now", "visit News.BBC.co.uk now"},
		{"email", "write to john.Smith@Example.com today", "write to john.Smith@Example.com today"},
		{"url", "at http://example.com/a.Html today", "at http://example.com/a.Html today"},
		{"ellipsis", "and so on...Then", "and so on...Then"},
		{"lowercase next", "end.and more", "end.and more"},
		{"digit before", "in 2004.The year", "in 2004.\n\nThe year"},
		{"acronym before", "the BBC.The next", "the BBC.\n\nThe next"},
		{"contraction before", "you don’t.They do", "you don’t.\n\nThey do"},
		{"lone closing quote", `damned if you don’t."`, `damned if you don’t."`},
		{"quote then nothing", `he said."`, `he said."`},
		{"only punctuation before", "the Mexicans —.“Yes”", "the Mexicans —.“Yes”"},
		{"lone letter next", "argued thatU.S. spending", "argued thatU.S. spending"},
		{"at start", ".Hello", ".Hello"},
		{"parity from paragraph start", `he said "no".` + "\n\n" + `"Yes," he said."No."`, `he said "no".` + "\n\n" + `"Yes," he said.` + "\n\n" + `"No."`},
		{"existing paragraphs", "One.\n\nTwo.Three", "One.\n\nTwo.\n\nThree"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RestoreParagraphs(tt.in); got != tt.want {
				t.Errorf("RestoreParagraphs(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRestoreParagraphsLongToken(t *testing.T) {
	// A huge token with no spaces must stay linear (and not break).
	s := strings.Repeat("x.Y", 1<<18)
	if got := RestoreParagraphs(s); strings.Count(got, "\n") > len(s) {
		t.Fatal("unreachable")
	}
}
