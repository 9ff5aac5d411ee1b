"""Code shared by every stack of the lambda pipeline: settings, files, demo switches, deploy stubs.

A change under lib/ affects every stack (it is listed under `shared_paths` in shipgate.yml).
"""
