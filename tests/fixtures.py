"""Test data shared by several test modules."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CONTRACT_QUERY = """
{
  mes: releasesInMonth(month: "enero") { count message }
  dia: releasesOnWeekday(day: "sábado") { count message }
  score: titleScore(title: "Toy Story") {
    message suggestions
    matches { title releaseYear score message movie { id } }
  }
  votos: titleVotes(title: "Cinderella") {
    message suggestions
    matches { title releaseYear voteCount voteAverage meetsThreshold message movie { id } }
  }
  actor: actor(name: "Tom Hanks") {
    message suggestions
    matches { filmCount totalReturn averageReturn message person { id name } }
  }
  director: director(name: "John Lasseter") {
    message suggestions
    matches { filmCount totalReturn averageReturn message person { id name }
      films { title releaseDate return budget revenue movie { id } } }
  }
}
"""
