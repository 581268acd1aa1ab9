"""xAPI 2.0: the trainer's records as learning-record statements under a small profile for professioneel
controleren (docs/xapi/), written as JSON lines or sent to a Learning Record Store."""
