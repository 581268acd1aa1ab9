"""One module per screen. Each has layout(frame) -> Layout, draw(surface, frame) and handle(input, frame).

Screens draw the state they are given and turn actions into Commands; they make no engine calls, read no
clock and open no files.
"""
