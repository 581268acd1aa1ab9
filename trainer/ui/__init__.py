"""The pygame player: the only package that imports pygame.

app.py runs the loop, input.py turns pygame events into actions, screens/ draw what they are given and turn
actions into commands, art/ draws people and streets from parameters, pilot.py drives it all headless.
"""
