"""The generic /data/<model> mechanism: one declarative CrudSpec per model (spec.py; the
declarations are production_specs.py and studio_specs.py, imported by the blueprint), the
list/get/create/update/delete service over a spec (service.py), query and body values
(values.py) and the cascades of deletes (cascade.py). blueprints/crud/ serves the registry as
thin resources. Domain services may use service.get_instance, values and cascade; nothing here
imports a blueprint or Flask."""
