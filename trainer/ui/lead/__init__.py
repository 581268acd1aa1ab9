"""The gespreksleider's console (`trainer lead`): the group live, flags, the presentation and revotes."""
