package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func get(t *testing.T, path string) (int, string) {
	t.Helper()
	recorder := httptest.NewRecorder()
	handler().ServeHTTP(recorder, httptest.NewRequest(http.MethodGet, path, nil))
	return recorder.Code, recorder.Body.String()
}

func TestHealthEndpoints(t *testing.T) {
	for _, path := range []string{ "/health", "/ready" } {
		if code, _ := get(t, path); code != http.StatusOK {
			t.Errorf("GET %s: %d, want 200", path, code)
		}
	}
}

func TestGreeting(t *testing.T) {
	if code, body := get(t, "/"); code != http.StatusOK || !strings.Contains(body, greeting) {
		t.Errorf("GET /: %d %q", code, body)
	}
}
