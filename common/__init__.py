"""The lowest layer: helpers every app may import (CSV reading and validation, CSP origins).
It imports no app of the project."""
