"""Deploying on Render: the build step's data, the Blueprint's reading, and a rehearsal on this machine."""
