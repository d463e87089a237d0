from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def home(request: HttpRequest) -> HttpResponse:
    """Show the districts on a map served entirely from this server."""
    return render(request, "home.html")
