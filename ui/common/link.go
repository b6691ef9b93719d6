package common

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// WebLink checks that an article's link is a web address before it goes to
// the system opener: an import keeps any string, and xdg-open or rundll32
// would as readily open a local file, run a program or take "-x" for a
// flag. It returns the link re-encoded (no spaces or controls left), or an
// error that says what is wrong, fit for the status line.
func WebLink(link string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil {
		return "", errors.New("not an http or https address")
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return "", errors.New("not an http or https address")
	default:
		return "", fmt.Errorf("a %s: link, not http or https", Line(u.Scheme))
	}
	if u.Host == "" || u.User != nil {
		// (a user part hides the real host from a reader: http://bank@evil)
		return "", errors.New("an http address without a host, or with a user name")
	}
	return u.String(), nil
}
